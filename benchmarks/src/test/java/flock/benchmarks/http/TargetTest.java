package flock.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import flock.benchmarks.graph.GraphShape;
import flock.benchmarks.graph.SocialGraph;
import flock.benchmarks.load.Dataset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TargetTest {
    private static final int DRAWS = 40_000;
    private static final Pattern FLOCK_REACTION = Pattern.compile("^PUT /api/v1/tweets/(\\d+)/(like|repost) ");
    private static final Pattern REDIS_REACTION =
            Pattern.compile("^PUT /bench/redis/users/(\\d+)/tweets/(\\d+)/(like|repost) ");
    private static final Pattern REPLIED_TO = Pattern.compile("\"inReplyToId\":\"(\\d+)\"");
    private static final Pattern BEARER = Pattern.compile("Authorization: Bearer (\\S+)");

    private final Dataset data = Dataset.of(
            SocialGraph.generate(GraphShape.of(1_000), 3), 10, new AtomicLong(1L << 40)::incrementAndGet, 11);

    @Test
    void should_draw_each_kind_of_the_engagement_mix_in_its_share() {
        Map<String, Integer> kinds = new HashMap<>();
        Workload workload = Target.FLOCK_HYBRID.workload(Mix.ENGAGEMENT, data);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < DRAWS; i++) {
            kinds.merge(workload.next(random).kind(), 1, Integer::sum);
        }

        Mix mix = Mix.ENGAGEMENT;
        assertThat(share(kinds, "home")).isCloseTo(mix.home(), within(0.015));
        assertThat(share(kinds, "user")).isCloseTo(mix.user(), within(0.015));
        assertThat(share(kinds, "like")).isCloseTo(mix.like(), within(0.015));
        assertThat(share(kinds, "reply")).isCloseTo(mix.reply(), within(0.005));
        assertThat(share(kinds, "repost")).isCloseTo(mix.repost(), within(0.005));
        assertThat(share(kinds, "post"))
                .as("posts, and the few reactions of users whose followed accounts have no tweets")
                .isCloseTo(mix.post(), within(0.01));
    }

    @Test
    void should_react_to_the_newest_tweets_of_accounts_the_user_follows_in_flock() {
        Map<String, Integer> byToken = new HashMap<>();
        for (int user = 0; user < data.users(); user++) {
            byToken.put(data.tokens[user], user);
        }
        Workload workload = Target.FLOCK_HYBRID.workload(Mix.ENGAGEMENT, data);
        SplittableRandom random = new SplittableRandom(6);
        int reactions = 0;
        for (int i = 0; i < DRAWS; i++) {
            Request request = workload.next(random);
            String text = new String(request.bytes(), StandardCharsets.UTF_8);
            Matcher bearer = BEARER.matcher(text);
            assertThat(bearer.find())
                    .as("every Flock request carries its user's token")
                    .isTrue();
            int user = byToken.get(bearer.group(1));
            long tweet = reactedTo(text, FLOCK_REACTION, 1, "like", "repost", request.kind());
            if (tweet != 0) {
                reactions++;
                assertThat(newestOfFollowed(user))
                        .as("%s by user %d", request.kind(), user)
                        .contains(tweet);
            }
        }
        assertThat(reactions).isGreaterThan(DRAWS / 5);
    }

    @Test
    void should_send_the_redis_design_the_same_reactions_by_the_user_in_the_path() {
        Map<Long, Integer> byId = new HashMap<>();
        for (int user = 0; user < data.users(); user++) {
            byId.put(data.userIds[user], user);
        }
        Workload workload = Target.REDIS.workload(Mix.ENGAGEMENT, data);
        SplittableRandom random = new SplittableRandom(7);
        int reactions = 0;
        for (int i = 0; i < DRAWS; i++) {
            Request request = workload.next(random);
            String text = new String(request.bytes(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("Authorization");
            if (request.kind().equals("like") || request.kind().equals("repost")) {
                Matcher path = REDIS_REACTION.matcher(text);
                assertThat(path.find()).as(text).isTrue();
                assertThat(path.group(3)).isEqualTo(request.kind());
                int user = byId.get(Long.parseLong(path.group(1)));
                assertThat(newestOfFollowed(user)).contains(Long.parseLong(path.group(2)));
                reactions++;
            }
        }
        assertThat(reactions).isGreaterThan(DRAWS / 5);
    }

    /** The tweet a like, repost or reply is about, or 0 for a page or a post. */
    private static long reactedTo(String text, Pattern path, int group, String like, String repost, String kind) {
        if (kind.equals(like) || kind.equals(repost)) {
            Matcher matcher = path.matcher(text);
            assertThat(matcher.find()).as(text).isTrue();
            assertThat(matcher.group(2)).isEqualTo(kind);
            return Long.parseLong(matcher.group(group));
        }
        if (kind.equals("reply")) {
            Matcher matcher = REPLIED_TO.matcher(text);
            assertThat(matcher.find()).as(text).isTrue();
            return Long.parseLong(matcher.group(1));
        }
        assertThat(text).doesNotContain("inReplyToId");
        return 0;
    }

    /** The newest three tweets of each account the user follows (of anyone's, for a user who follows none). */
    private Set<Long> newestOfFollowed(int user) {
        Set<Long> tweets = new HashSet<>();
        int following = data.graph.followingCount(user);
        for (int i = 0; i < (following == 0 ? data.users() : following); i++) {
            long[] newest = data.tweets[following == 0 ? i : data.graph.followee(user, i)];
            for (int j = 0; j < Math.min(3, newest.length); j++) {
                tweets.add(newest[j]);
            }
        }
        return tweets;
    }

    private static double share(Map<String, Integer> kinds, String kind) {
        return kinds.getOrDefault(kind, 0) / (double) DRAWS;
    }
}
