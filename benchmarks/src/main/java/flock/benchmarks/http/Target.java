package flock.benchmarks.http;

import flock.benchmarks.load.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A system under test as the load generator addresses it: where its calls live on the bench server and whether they
 * carry the user's token. Users are drawn uniformly from the dataset.
 */
public record Target(String name, String prefix, boolean authenticated, boolean pagesOnly) {
    public static final Target CEILING = new Target("ceiling (fixed page)", "/bench/ceiling", false, true);
    public static final Target FLOCK_PUSH = new Target("Flock push-only", "/api/v1", true, false);
    public static final Target FLOCK_HYBRID = new Target("Flock hybrid", "/api/v1", true, false);
    public static final Target REDIS = new Target("Redis lists (Twitter 2012)", "/bench/redis", false, false);
    public static final Target PULL = new Target("pull on read (Cassandra)", "/bench/pull", false, false);

    private static final String[] WORDS = {"bench", "feed", "post", "grid", "latency", "read", "write", "today"};

    /**
     * Tweets a user reacts to are drawn from the newest few of the accounts they follow (what their home page shows
     * them), so that popular accounts' tweets gather most of the likes, as they do.
     */
    private static final int NEWEST_REACTED_TO = 3;

    /** The requests of a mix against this system. */
    public Workload workload(Mix mix, Dataset data) {
        return workload(mix, data, null);
    }

    /** The same, with every request's user drawn from these (indexes into the dataset) rather than from all. */
    public Workload workload(Mix mix, Dataset data, int[] users) {
        return random -> {
            int user = users == null ? random.nextInt(data.users()) : users[random.nextInt(users.length)];
            double draw = random.nextDouble();
            String token = authenticated ? data.tokens[user] : null;
            long id = data.userIds[user];
            if (pagesOnly) {
                return Request.get("home", prefix + "?limit=" + Mix.PAGE, null);
            }
            if ((draw -= mix.home()) < 0) {
                return Request.get("home", prefix + "/users/" + id + "/timeline?limit=" + Mix.PAGE, token);
            }
            if ((draw -= mix.user()) < 0) {
                return Request.get("user", prefix + "/users/" + id + "/tweets?limit=" + Mix.PAGE, token);
            }
            String tweets = authenticated ? prefix + "/tweets" : prefix + "/users/" + id + "/tweets";
            long reactedTo = draw < mix.like() + mix.reply() + mix.repost() ? reactedTo(data, user, random) : 0;
            if (reactedTo != 0 && (draw -= mix.like()) < 0) {
                return Request.put("like", tweets + "/" + reactedTo + "/like", token);
            }
            if (reactedTo != 0 && (draw -= mix.reply()) < 0) {
                String json = "{\"text\":\"" + text(random) + "\",\"inReplyToId\":\"" + reactedTo + "\"}";
                return Request.postJson("reply", tweets, token, json);
            }
            if (reactedTo != 0 && draw - mix.repost() < 0) {
                return Request.put("repost", tweets + "/" + reactedTo + "/repost", token);
            }
            return Request.postJson("post", tweets, token, "{\"text\":\"" + text(random) + "\"}");
        };
    }

    /** One of the newest tweets of an account the user follows; 0 (and a post instead) when none has any. */
    private static long reactedTo(Dataset data, int user, SplittableRandom random) {
        int following = data.graph.followingCount(user);
        for (int attempt = 0; attempt < 4; attempt++) {
            int author =
                    following > 0 ? data.graph.followee(user, random.nextInt(following)) : random.nextInt(data.users());
            long[] newest = data.tweets[author];
            if (newest.length > 0) {
                return newest[random.nextInt(Math.min(NEWEST_REACTED_TO, newest.length))];
            }
        }
        return 0;
    }

    /** These users' home pages, once each (indexes into the dataset). */
    public List<Request> homePages(Dataset data, int[] users) {
        List<Request> pages = new ArrayList<>(users.length);
        for (int user : users) {
            String token = authenticated ? data.tokens[user] : null;
            pages.add(Request.get(
                    "home", prefix + "/users/" + data.userIds[user] + "/timeline?limit=" + Mix.PAGE, token));
        }
        return pages;
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
