package flock.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a small, real demo world through the REST API, as any client would: the first {@value #USERS}
 * people of the socfb-Reed98 friendship graph become users {@code reed_0..}, each friendship becomes a
 * follow in both directions, and everyone posts a few tweets. Writes the accounts and their tokens to a
 * CSV so that a person trying Flock can act as one of them.
 *
 * <p>Usage: {@code DemoData <api base url> <edges file> <accounts csv>}
 */
public final class DemoData {
    static final int USERS = 60;
    /** Tweets a person posts: 1 to 5, varied, so the analysts' example queries have something to rank. */
    private static int tweetsOf(int person) {
        return 1 + person * 7 % 5;
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final String[] TOPICS = {"coffee", "the library", "finals week", "the canyon", "Thesis"};

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private DemoData(URI base) {
        this.base = base;
    }

    record Account(int person, String id, String token) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoData <api base url> <edges file> <accounts csv>");
            System.exit(2);
        }
        new DemoData(URI.create(args[0])).load(Path.of(args[1]), Path.of(args[2]));
    }

    private void load(Path edgesFile, Path accountsCsv) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int person = 0; person < USERS; person++) {
            HttpResponse<String> answer = send(
                    "POST",
                    "/api/v1/users",
                    null,
                    "{\"handle\":\"reed_" + person + "\",\"displayName\":\"Reed student " + person + "\"}");
            if (answer.statusCode() == 409) {
                System.out.println("demo data is already there (reed_" + person + " exists); nothing to do");
                return;
            }
            accounts.add(new Account(person, match(ID, answer.body()), match(TOKEN, answer.body())));
        }
        List<int[]> edges = friendships(edgesFile);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int[] edge : edges) {
                Account a = accounts.get(edge[0]);
                Account b = accounts.get(edge[1]);
                work.add(pool.submit(() -> follow(a, b)));
                work.add(pool.submit(() -> follow(b, a)));
            }
            for (Future<?> done : work) {
                done.get();
            }
            work.clear();
            for (Account account : accounts) {
                work.add(pool.submit(() -> tweets(account)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        StringBuilder csv = new StringBuilder("handle,id,token\n");
        for (Account account : accounts) {
            csv.append("reed_")
                    .append(account.person())
                    .append(',')
                    .append(account.id())
                    .append(',')
                    .append(account.token())
                    .append('\n');
        }
        Files.writeString(accountsCsv, csv);
        System.out.printf(
                "demo data: %d users, %d follows, %d tweets; tokens in %s%n",
                USERS,
                edges.size() * 2,
                accounts.stream()
                        .mapToInt(account -> tweetsOf(account.person()))
                        .sum(),
                accountsCsv);
    }

    /** Friendships among the first USERS people only. */
    private static List<int[]> friendships(Path edgesFile) throws IOException {
        List<int[]> edges = new ArrayList<>();
        for (String line : Files.readAllLines(edgesFile)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            if (a < USERS && b < USERS && a != b) {
                edges.add(new int[] {a, b});
            }
        }
        return edges;
    }

    private Void follow(Account who, Account whom) throws Exception {
        expect(204, send("PUT", "/api/v1/users/" + who.id() + "/following/" + whom.id(), who.token(), null));
        return null;
    }

    private Void tweets(Account account) throws Exception {
        for (int i = 0; i < tweetsOf(account.person()); i++) {
            String topic = TOPICS[(account.person() + i) % TOPICS.length];
            String text = "Reed student " + account.person() + " on " + topic + " (#" + (i + 1) + ")";
            expect(201, send("POST", "/api/v1/tweets", account.token(), "{\"text\":\"" + text + "\"}"));
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " "
                    + answer.request().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }
}
