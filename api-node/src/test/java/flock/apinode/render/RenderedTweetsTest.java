package flock.apinode.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flock.domain.account.User;
import flock.domain.tweet.Tweet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedTweetsTest {
    private static final byte[] JSON = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_keep_a_render_when_nothing_was_removed_meanwhile() {
        RenderedTweets kept = new RenderedTweets(10);
        kept.keep(1, kept.generation(), JSON);

        assertThat(kept.get(1)).isSameAs(JSON);
    }

    @Test
    void should_drop_a_render_that_a_removal_overtook() {
        RenderedTweets kept = new RenderedTweets(10);
        long before = kept.generation(); // a render reads the tweet from here on
        kept.forget(2); // another tweet's removal: every render in flight may be stale
        kept.keep(1, before, JSON);

        assertThat(kept.get(1)).isNull();
        kept.keep(1, kept.generation(), JSON);
        assertThat(kept.get(1)).isSameAs(JSON);
    }

    @Test
    void should_never_keep_or_clear_the_way_for_a_removed_tweet() {
        RenderedTweets kept = new RenderedTweets(10);
        kept.keep(1, kept.generation(), JSON);
        kept.forget(1);

        assertThat(kept.get(1)).isNull();
        assertThat(kept.removed(1)).isTrue();
        assertThat(kept.removed(3)).isFalse();
        kept.keep(1, kept.generation(), JSON); // rendered from a near cache not yet invalidated
        assertThat(kept.get(1)).as("a removed tweet's render, refused").isNull();
    }

    @Test
    void should_forget_everything_on_clear_and_drop_renders_in_flight() {
        RenderedTweets kept = new RenderedTweets(10);
        kept.keep(1, kept.generation(), JSON);
        long before = kept.generation();
        kept.clear();
        kept.keep(2, before, JSON);

        assertThat(kept.size()).isZero();
    }

    @Test
    void should_stay_within_its_capacity_and_keep_nothing_at_zero() {
        RenderedTweets kept = new RenderedTweets(16);
        for (long id = 0; id < 100; id++) {
            kept.keep(id, kept.generation(), JSON);
        }
        assertThat(kept.size()).isBetween(1, 16);

        RenderedTweets none = new RenderedTweets(0);
        none.keep(1, none.generation(), JSON);
        assertThat(none.get(1)).isNull();
        assertThatThrownBy(() -> new RenderedTweets(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_assemble_the_same_page_byte_for_byte_as_a_whole_render() {
        User author = new User(7, "ann", "Ann \"the\" Author", 0);
        Tweet older = new Tweet(10, 7, "hello\nworld ☕", 1_764_000_000_000L, new long[0]);
        Tweet newer = new Tweet(11, 7, "second", 1_764_000_001_000L, new long[0]);
        long[] ids = {11, 12, 10, 9}; // 12 was deleted; 9 is the one more that says another page exists
        Map<Long, Tweet> found = Map.of(10L, older, 11L, newer);

        byte[] whole = TweetPages.render(ids, 3, found, Map.of(7L, author));
        byte[] assembled = TweetPages.assemble(ids, 3, new byte[][] {
            TweetPages.renderOne(newer, author, Map.of()), null, TweetPages.renderOne(older, author, Map.of())
        });

        assertThat(new String(assembled, StandardCharsets.UTF_8))
                .isEqualTo(new String(whole, StandardCharsets.UTF_8))
                .contains("\"nextMaxId\":\"10\"");
        assertThat(TweetPages.assemble(
                        new long[] {11}, 3, new byte[][] {TweetPages.renderOne(newer, author, Map.of())}))
                .as("a last page, without a cursor")
                .isEqualTo(TweetPages.render(new long[] {11}, 3, found, Map.of(7L, author)));
        assertThat(new String(TweetPages.assemble(new long[0], 3, new byte[0][]), StandardCharsets.UTF_8))
                .isEqualTo("{\"items\":[]}");
    }

    /** Counts and the reader's state spliced into kept JSON read exactly as a tweet written with them. */
    @Test
    void should_splice_counts_and_the_readers_state_as_a_tweet_written_with_them_reads() {
        User author = new User(7, "ann", "Ann", 0);
        Tweet first = new Tweet(11, 7, "first", 1_764_000_001_000L, new long[0]);
        Tweet second = Tweet.replyTo(first, 10, 7, "second", 1_764_000_000_000L, new long[0]);
        long[] ids = {11, 12, 10, 9};
        byte[][] kept = {
            TweetPages.renderOne(first, author, Map.of()), null, TweetPages.renderOne(second, author, Map.of())
        };

        String withReader = new String(
                TweetPages.assemble(
                        ids,
                        3,
                        kept,
                        ids,
                        new ShownEngagement(
                                new int[] {0, 5, 1234, 0},
                                new int[] {2, 0, 0, 0},
                                new int[] {3, 0, 12, 0},
                                new int[] {0, 0, 7, 0},
                                new boolean[] {true, false, false, false},
                                new boolean[] {false, false, true, false})),
                StandardCharsets.UTF_8);
        String anonymous = new String(
                TweetPages.assemble(
                        ids,
                        3,
                        kept,
                        new long[] {111, 112, 110, 109},
                        new ShownEngagement(
                                new int[] {7, 0, 0, 0},
                                new int[] {0, 0, 0, 0},
                                new int[] {0, 0, 0, 0},
                                new int[] {0, 0, 0, 0},
                                null,
                                null)),
                StandardCharsets.UTF_8);

        assertThat(withReader)
                .isEqualTo("{\"items\":["
                        + written(
                                first, author, "0,\"reposts\":2,\"replies\":3,\"quotes\":0", "true,\"reposted\":false")
                        + ","
                        + written(
                                second,
                                author,
                                "1234,\"reposts\":0,\"replies\":12,\"quotes\":7",
                                "false,\"reposted\":true")
                        + "],\"nextMaxId\":\"10\"}");
        assertThat(withReader)
                .as("a reply says what it answers, in the kept part")
                .contains("\"conversationId\":\"11\",\"inReplyTo\":{\"tweetId\":\"11\",\"authorId\":\"7\"},"
                        + "\"entities\":{\"mentions\":[],\"hashtags\":[],\"urls\":[]},\"counts\"");
        assertThat(anonymous)
                .startsWith("{\"items\":[" + written(first, author, "7,\"reposts\":0,\"replies\":0,\"quotes\":0", null)
                        + ",")
                .endsWith(",\"nextMaxId\":\"110\"}")
                .doesNotContain("viewer");
    }

    /** A tweet's JSON with its counts written out by hand: {@code likesAndMore} goes on after {@code "likes":}. */
    private static String written(Tweet tweet, User author, String likesAndMore, String likedAndMore) {
        String kept = new String(TweetPages.renderOne(tweet, author, Map.of()), StandardCharsets.UTF_8);
        return kept.substring(0, kept.length() - 1) + ",\"counts\":{\"likes\":" + likesAndMore + "}"
                + (likedAndMore == null ? "" : ",\"viewer\":{\"liked\":" + likedAndMore + "}") + "}";
    }

    /** A quote carries the quoted tweet as a page shows it, with its own counts, or null once it is deleted. */
    @Test
    void should_embed_the_quoted_tweet_with_its_counts_or_null_once_it_is_gone() {
        User author = new User(7, "ann", "Ann", 0);
        Tweet quoted = new Tweet(11, 7, "the original", 1_764_000_001_000L, new long[0]);
        Tweet quote = Tweet.quoting(quoted, 12, 7, "so true", 1_764_000_002_000L, new long[0]);
        ShownEngagement quotedShown = new ShownEngagement(
                new int[] {4}, new int[] {0}, new int[] {0}, new int[] {1}, new boolean[] {true}, new boolean[] {false
                });
        byte[] shownQuoted = TweetPages.withExtras(TweetPages.renderOne(quoted, author, Map.of()), quotedShown, 0);
        byte[] withQuoted = TweetPages.withQuote(TweetPages.renderOne(quote, author, Map.of()), shownQuoted);
        byte[] page = TweetPages.assemble(
                new long[] {12}, 1, new byte[][] {withQuoted}, new long[] {12}, ShownEngagement.NEW_TWEET);

        jakarta.json.JsonObject item = jakarta.json.Json.createReader(
                        new java.io.StringReader(new String(page, StandardCharsets.UTF_8)))
                .readObject()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(item.getString("quoteOfId")).isEqualTo("11");
        assertThat(item.getJsonObject("quoteOf").getString("text")).isEqualTo("the original");
        assertThat(item.getJsonObject("quoteOf").getJsonObject("counts").getInt("likes"))
                .isEqualTo(4);
        assertThat(item.getJsonObject("quoteOf").getJsonObject("viewer").getBoolean("liked"))
                .isTrue();
        assertThat(item.getJsonObject("counts").getInt("quotes")).isZero();

        String gone = new String(
                TweetPages.withQuote(TweetPages.renderOne(quote, author, Map.of()), null), StandardCharsets.UTF_8);
        assertThat(gone)
                .endsWith(",\"quoteOfId\":\"11\",\"entities\":{\"mentions\":[],\"hashtags\":[],\"urls\":[]},"
                        + "\"quoteOf\":null}");
    }
}
