package flock.benchmarks;

import flock.testkit.FlockClient;
import flock.testkit.FlockClient.Account;
import flock.testkit.FlockClient.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a small, real demo world through the REST API, as any client would: the first {@value #USERS}
 * people of the socfb-Reed98 friendship graph become users {@code reed_0..}, each friendship becomes a
 * follow in both directions, and everyone posts a few tweets. Writes the accounts and their tokens to a
 * CSV so that a person trying Flock can act as one of them.
 *
 * <p>The tokens exist nowhere else (the grid keeps only their hashes), so the CSV is written as soon as the accounts
 * exist, before anything else is loaded. A load that was cut short resumes from it: follows are idempotent, and
 * each account posts only the tweets its profile does not count yet. Demo accounts without their CSV cannot be used
 * and are reported as such, with exit status {@value #TOKENS_LOST}, never as a finished load.
 *
 * <p>Usage: {@code DemoData <api base url> <edges file> <accounts csv>}
 */
public final class DemoData {
    public static final int USERS = 60;
    /** Tweets a person posts: 1 to 5, varied, so the analysts' example queries have something to rank. */
    private static int tweetsOf(int person) {
        return 1 + person * 7 % 5;
    }

    private static final String[] TOPICS = {"coffee", "the library", "finals week", "the canyon", "Thesis"};

    /** The exit status when demo accounts exist but their tokens do not. */
    static final int TOKENS_LOST = 3;

    private final FlockClient client;

    public DemoData(URI base) {
        this.client = new FlockClient(base);
    }

    /** The demo could not be loaded, for a reason the person running it can act on. */
    public static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoData <api base url> <edges file> <accounts csv>");
            System.exit(2);
        }
        try {
            new DemoData(URI.create(args[0])).load(Path.of(args[1]), Path.of(args[2]));
        } catch (DemoFailure e) {
            System.err.println("demo data: " + e.getMessage());
            System.exit(TOKENS_LOST);
        }
    }

    public void load(Path edgesFile, Path accountsCsv) throws Exception {
        List<Account> accounts = existingAccounts(accountsCsv).orElseGet(() -> signUpAll(accountsCsv));
        List<int[]> edges = friendships(edgesFile);
        int posted;
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
            List<Future<Integer>> tweets = new ArrayList<>();
            for (int person = 0; person < USERS; person++) {
                int who = person;
                tweets.add(pool.submit(() -> tweets(who, accounts.get(who))));
            }
            posted = 0;
            for (Future<Integer> done : tweets) {
                posted += done.get();
            }
        }
        System.out.printf(
                "demo data: %d users, %d follows, %d tweets posted now; tokens in %s%n",
                USERS, edges.size() * 2, posted, accountsCsv);
    }

    /**
     * The accounts of an earlier load, from its CSV, when the demo users exist; empty when they do not (a first load).
     * Fails when they exist without their tokens.
     */
    private Optional<List<Account>> existingAccounts(Path accountsCsv) throws IOException {
        if (client.get("/api/v1/users/by-handle/reed_0", null).status() == 404) {
            return Optional.empty();
        }
        List<Account> saved = readCsv(accountsCsv);
        if (saved.size() != USERS) {
            throw tokensLost(accountsCsv);
        }
        System.out.println("demo data: the demo users exist; completing their follows and tweets from " + accountsCsv);
        return Optional.of(saved);
    }

    private List<Account> signUpAll(Path accountsCsv) {
        List<Account> accounts = new ArrayList<>();
        for (int person = 0; person < USERS; person++) {
            Answer answer = client.post(
                    "/api/v1/users",
                    null,
                    "{\"handle\":\"reed_" + person + "\",\"displayName\":\"Reed student " + person + "\"}");
            if (answer.status() == 409) {
                throw tokensLost(accountsCsv);
            }
            expect(201, "sign-up of reed_" + person, answer);
            accounts.add(new Account(answer.string("id"), answer.string("token")));
        }
        writeCsv(accountsCsv, accounts);
        return accounts;
    }

    private static DemoFailure tokensLost(Path accountsCsv) {
        return new DemoFailure("the demo users (reed_0...) exist, but their tokens file " + accountsCsv
                + " is missing or incomplete, and tokens cannot be recovered: the grid keeps only their hashes. "
                + "Sign up accounts of your own, or start from empty data (./flock down, then remove .flock).");
    }

    private static void writeCsv(Path accountsCsv, List<Account> accounts) {
        StringBuilder csv = new StringBuilder("handle,id,token\n");
        for (int person = 0; person < accounts.size(); person++) {
            Account account = accounts.get(person);
            csv.append("reed_")
                    .append(person)
                    .append(',')
                    .append(account.id())
                    .append(',')
                    .append(account.token());
            csv.append('\n');
        }
        try {
            // Written whole, then moved into place: a reader never sees half a file.
            Path partial = accountsCsv.resolveSibling(accountsCsv.getFileName() + ".partial");
            Files.writeString(partial, csv);
            Files.move(partial, accountsCsv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the demo tokens to " + accountsCsv, e);
        }
    }

    private static List<Account> readCsv(Path accountsCsv) throws IOException {
        List<Account> accounts = new ArrayList<>();
        if (!Files.exists(accountsCsv)) {
            return accounts;
        }
        List<String> lines = Files.readAllLines(accountsCsv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.split(",");
            if (fields.length == 3 && fields[0].equals("reed_" + accounts.size())) {
                accounts.add(new Account(fields[1], fields[2]));
            }
        }
        return accounts;
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

    private Void follow(Account who, Account whom) {
        expect(204, "follow", client.follow(who, whom.id()));
        return null;
    }

    /** Posts what this person's profile does not count yet, and answers how many that was. */
    private int tweets(int person, Account account) {
        Answer profile = client.get("/api/v1/users/" + account.id(), null);
        expect(200, "profile of reed_" + person, profile);
        int already = profile.json().getInt("tweets");
        for (int i = already; i < tweetsOf(person); i++) {
            String topic = TOPICS[(person + i) % TOPICS.length];
            expect(
                    201,
                    "tweet",
                    client.tweet(account, "Reed student " + person + " on " + topic + " (#" + (i + 1) + ")"));
        }
        return Math.max(0, tweetsOf(person) - already);
    }

    private static void expect(int status, String what, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
