package flock.benchmarks.http;

import flock.benchmarks.load.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A system under test as the load generator addresses it: where its three calls live on the bench server
 * and whether they carry the user's token. Users are drawn uniformly from the dataset.
 */
public record Target(String name, String prefix, boolean authenticated, boolean pagesOnly) {
    public static final Target CEILING = new Target("ceiling (fixed page)", "/bench/ceiling", false, true);
    public static final Target FLOCK_PUSH = new Target("Flock push-only", "/api/v1", true, false);
    public static final Target FLOCK_HYBRID = new Target("Flock hybrid", "/api/v1", true, false);
    public static final Target REDIS = new Target("Redis lists (Twitter 2012)", "/bench/redis", false, false);
    public static final Target PULL = new Target("pull on read (Cassandra)", "/bench/pull", false, false);

    private static final String[] WORDS = {"bench", "feed", "post", "grid", "latency", "read", "write", "today"};

    /** The requests of a mix against this system. */
    public Workload workload(Mix mix, Dataset data) {
        return random -> {
            int user = random.nextInt(data.users());
            double draw = random.nextDouble();
            String token = authenticated ? data.tokens[user] : null;
            long id = data.userIds[user];
            if (pagesOnly) {
                return Request.get("home", prefix + "?limit=" + Mix.PAGE, null);
            }
            if (draw < mix.home()) {
                return Request.get("home", prefix + "/users/" + id + "/timeline?limit=" + Mix.PAGE, token);
            }
            if (draw < mix.home() + mix.user()) {
                return Request.get("user", prefix + "/users/" + id + "/tweets?limit=" + Mix.PAGE, token);
            }
            String path = authenticated ? prefix + "/tweets" : prefix + "/users/" + id + "/tweets";
            return Request.postJson("post", path, token, "{\"text\":\"" + text(random) + "\"}");
        };
    }

    /** Every user's home page and own page, once each: the warm-up pass. */
    public List<Request> everyPage(Dataset data) {
        List<Request> pages = new ArrayList<>(data.users() * 2);
        for (int user = 0; user < data.users(); user++) {
            String token = authenticated ? data.tokens[user] : null;
            long id = data.userIds[user];
            if (pagesOnly) {
                pages.add(Request.get("home", prefix + "?limit=" + Mix.PAGE, null));
                continue;
            }
            pages.add(Request.get("home", prefix + "/users/" + id + "/timeline?limit=" + Mix.PAGE, token));
            pages.add(Request.get("user", prefix + "/users/" + id + "/tweets?limit=" + Mix.PAGE, token));
        }
        return pages;
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
