package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.account.Accounts;
import flock.apinode.graph.Graph;
import flock.apinode.timeline.HomeFeed;
import flock.domain.MapNames;
import flock.domain.timeline.Timeline;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class FeedRebuildTest {
    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final Accounts accounts = api.accounts();
    private final Graph graph = api.graph();
    private final HomeFeed homeFeed = api.homeFeed();

    @Test
    void should_know_a_rebuilt_feed_goes_on_in_cassandra_when_an_author_has_older_tweets_there() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        long author = accounts.signUp("older_a_" + run, "Author").user().id();
        long reader = accounts.signUp("older_r_" + run, "Reader").user().id();
        graph.follow(reader, author);
        // An author who once had more than 800 tweets and deleted some: few ids in memory, more in Cassandra.
        long[] loaded = new long[Timeline.MAX_ENTRIES + 1];
        for (int i = 0; i < loaded.length; i++) {
            loaded[i] = 900_000 - i;
        }
        Timeline authorTweets = Timeline.ofNewestFirst(loaded, loaded.length);
        for (int i = 10; i < Timeline.MAX_ENTRIES; i++) {
            authorTweets.remove(loaded[i]);
        }
        IMap<Long, Timeline> userTimelines = grid.getMap(MapNames.USER_TIMELINES);
        userTimelines.set(author, authorTweets);

        homeFeed.rebuild(reader, System.currentTimeMillis());

        Timeline feed = grid.<Long, Timeline>getMap(MapNames.HOME_TIMELINES).get(reader);
        assertThat(feed.size()).isEqualTo(10);
        assertThat(feed.truncated())
                .as("the next page must continue from Cassandra")
                .isTrue();
    }
}
