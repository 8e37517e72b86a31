package flock.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.media.Media;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Tweets carrying media, on the in-JVM grid: the media metadata is put in the grid as an upload leaves it (the
 * bytes' side is MediaIT's, against a real S3 server).
 */
class TweetMediaTest {
    private static final AtomicLong MEDIA_IDS =
            new AtomicLong(ProcessHandle.current().pid() * 1_000_000);

    private final HazelcastInstance grid = TestGrid.client();
    private final ApiServices api = ApiServices.wire(grid);
    private final IMap<Long, Media> media = grid.getMap(MapNames.MEDIA);
    private final long alice = signUp("tm_a");
    private final long bob = signUp("tm_b");

    @Test
    void should_attach_the_authors_media_and_show_each_with_its_type_and_url() {
        long picture = uploaded(alice, "image/png");
        long video = uploaded(alice, "video/mp4");

        Tweets.Posted posted = api.tweets().post(alice, "two things", new long[] {picture, video});

        JsonObject json = json(
                api.views().posted(posted.tweet(), posted.author(), api.likes().shownTo(java.util.Optional.of(alice))));
        assertThat(json.getJsonArray("media").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("id") + " " + m.getString("contentType") + " " + m.getString("url"))
                .containsExactly(
                        picture + " image/png /api/v1/media/" + picture, video + " video/mp4 /api/v1/media/" + video);
        assertThat(media.get(picture).state()).isEqualTo(Media.State.ATTACHED);
        assertThat(media.get(video).tweetId()).isEqualTo(posted.tweet().id());
    }

    @Test
    void should_refuse_someone_elses_media_and_attach_none_of_the_list() {
        long own = uploaded(alice, "image/png");
        long theirs = uploaded(bob, "image/jpeg");
        long tweetsBefore = api.tweets().countOf(alice).join();

        assertThatThrownBy(() -> api.tweets().post(alice, "not mine", new long[] {own, theirs}))
                .isInstanceOf(FlockException.class)
                .hasMessage("mediaIds[1]: no media " + theirs + " was uploaded by you");

        assertThat(media.get(own).state()).as("given back: all or none").isEqualTo(Media.State.READY);
        assertThat(media.get(theirs).state()).isEqualTo(Media.State.READY);
        assertThat(api.tweets().countOf(alice).join()).isEqualTo(tweetsBefore);
    }

    @Test
    void should_refuse_media_already_on_a_tweet_twice_listed_or_more_than_four() {
        long once = uploaded(alice, "image/gif");
        api.tweets().post(alice, "first", new long[] {once});
        long[] five = {
            uploaded(alice, "image/png"),
            uploaded(alice, "image/png"),
            uploaded(alice, "image/png"),
            uploaded(alice, "image/png"),
            uploaded(alice, "image/png")
        };
        long twice = uploaded(alice, "image/png");

        assertThatThrownBy(() -> api.tweets().post(alice, "again", new long[] {once}))
                .hasMessageContaining("already attached to another tweet");
        assertThatThrownBy(() -> api.tweets().post(alice, "many", five)).hasMessageContaining("at most 4");
        assertThatThrownBy(() -> api.tweets().post(alice, "dup", new long[] {twice, twice}))
                .hasMessageContaining("listed twice");
        assertThat(media.get(twice).state()).isEqualTo(Media.State.READY);
    }

    @Test
    void should_not_attach_an_upload_still_in_flight() {
        long id = MEDIA_IDS.incrementAndGet();
        media.set(id, new Media(id, alice, "image/png", 0, Media.State.UPLOADING, System.currentTimeMillis(), 0));

        assertThatThrownBy(() -> api.tweets().post(alice, "too soon", new long[] {id}))
                .hasMessageContaining("still being uploaded");
    }

    private long uploaded(long owner, String contentType) {
        long id = MEDIA_IDS.incrementAndGet();
        media.set(id, new Media(id, owner, contentType, 1_234, Media.State.READY, System.currentTimeMillis(), 0));
        return id;
    }

    private long signUp(String prefix) {
        return api.accounts()
                .signUp(prefix + Long.toString(MEDIA_IDS.incrementAndGet() % 1_000_000_000L, 36), "T")
                .user()
                .id();
    }

    private static JsonObject json(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                .readObject();
    }
}
