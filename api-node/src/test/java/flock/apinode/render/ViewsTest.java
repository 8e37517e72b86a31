package flock.apinode.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.account.User;
import flock.domain.serialization.DomainSerializers;
import flock.domain.tweet.Tweet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final User AUTHOR = new User(7, "ada", "Ada", 1_000);
    private static final ShownEngagement.Source NO_ENGAGEMENT = (ids, count) -> ShownEngagement.NEW_TWEET;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);
    private HazelcastInstance grid;
    private IMap<Long, Tweet> tweets;
    private IMap<Long, User> users;

    @BeforeEach
    void start_a_member_with_the_author() {
        Config config = new Config();
        DomainSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
        grid = factory.newHazelcastInstance(config);
        tweets = grid.getMap(MapNames.TWEETS);
        users = grid.getMap(MapNames.USERS);
        users.set(AUTHOR.id(), AUTHOR);
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_keep_a_tweet_posted_here_as_its_pages_show_it_without_reading_it_back() {
        RenderedTweets kept = new RenderedTweets(10);
        Views views = new Views(grid, kept);
        Tweet tweet = new Tweet(100, AUTHOR.id(), "hello", 2_000, new long[0]);

        views.posted(tweet, AUTHOR, NO_ENGAGEMENT);

        // The tweet is not in the grid at all: the page can only have come from what the post kept.
        byte[] fromThePost = views.tweetPage(new long[] {100}, 1);
        tweets.set(100L, tweet);
        byte[] renderedFromTheGrid = new Views(grid, new RenderedTweets(10)).tweetPage(new long[] {100}, 1);
        assertThat(kept.get(100)).isNotNull();
        assertThat(new String(fromThePost)).isEqualTo(new String(renderedFromTheGrid));
    }

    @Test
    void should_not_keep_a_posted_quote_nor_a_tweet_whose_author_changed_since() {
        RenderedTweets kept = new RenderedTweets(10);
        Views views = new Views(grid, kept);
        Tweet quoted = new Tweet(100, AUTHOR.id(), "first", 2_000, new long[0]);
        tweets.set(100L, quoted);

        views.posted(Tweet.quoting(quoted, 101, AUTHOR.id(), "look", 3_000, new long[0]), AUTHOR, NO_ENGAGEMENT);
        users.set(AUTHOR.id(), new User(AUTHOR.id(), "ada", "Ada L.", 1_000));
        views.posted(new Tweet(102, AUTHOR.id(), "renamed meanwhile", 4_000, new long[0]), AUTHOR, NO_ENGAGEMENT);

        assertThat(kept.get(101)).isNull();
        assertThat(kept.get(102)).isNull(); // the quoted tweet 100 is kept: rendered from the grid for the quote
    }
}
