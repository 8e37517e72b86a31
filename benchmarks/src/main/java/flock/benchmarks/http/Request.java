package flock.benchmarks.http;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request, encoded once, and the kind it is reported under ("home", "user", "like", "reply", "repost", "post").
 */
public record Request(String kind, byte[] bytes) {

    public static Request get(String kind, String path, String bearer) {
        StringBuilder text =
                new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (bearer != null) {
            text.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        return new Request(kind, text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A PUT without a body (a like, a repost). */
    public static Request put(String kind, String path, String bearer) {
        StringBuilder text = new StringBuilder(256)
                .append("PUT ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n");
        if (bearer != null) {
            text.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        return new Request(kind, text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Request postJson(String kind, String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(256 + body.length)
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        if (bearer != null) {
            text.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        return new Request(kind, text.append("\r\n").append(json).toString().getBytes(StandardCharsets.UTF_8));
    }
}
