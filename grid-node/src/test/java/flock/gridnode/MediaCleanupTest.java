package flock.gridnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import flock.domain.MapNames;
import flock.domain.media.Media;
import flock.objectstore.ObjectStore;
import flock.objectstore.ObjectStoreSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which media the cleanup claims, on an in-JVM member whose object store cannot be reached: nothing is removed, and
 * the old unattached media stay claimed for the next sweep. The removal itself is MediaIT's, against a real S3 server.
 */
class MediaCleanupTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(1);

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void should_claim_only_old_unattached_media_and_keep_them_claimed_while_the_store_is_down() {
        Config config = MemberConfig.load(MemberSettings.from(key -> null));
        MemberConfig.disableMapStores(config);
        HazelcastInstance member = factory.newHazelcastInstance(config);
        IMap<Long, Media> media = member.getMap(MapNames.MEDIA);
        long now = System.currentTimeMillis();
        media.set(1L, new Media(1, 7, "image/png", 10, Media.State.READY, now - 2 * HOUR, 0));
        media.set(2L, new Media(2, 7, "image/png", 10, Media.State.ATTACHED, now - 2 * HOUR, 99));
        media.set(3L, new Media(3, 7, "image/png", 10, Media.State.READY, now - 1_000, 0));
        media.set(4L, new Media(4, 7, "image/png", 0, Media.State.UPLOADING, now - 2 * HOUR, 0));
        ObjectStore unreachable =
                new ObjectStore(new ObjectStoreSettings("http://127.0.0.1:1", "flock-media", "us-east-1", "k", "s"));

        int removed = new MediaCleanup(member, unreachable, Duration.ofHours(1)).sweep(now);

        assertThat(removed).isZero();
        assertThat(media.get(2L).state()).as("attached: never touched").isEqualTo(Media.State.ATTACHED);
        assertThat(media.get(3L).state()).as("young: left alone").isEqualTo(Media.State.READY);
        long claimed = media.values().stream()
                .filter(m -> m.state() == Media.State.DELETING)
                .count();
        assertThat(claimed)
                .as("the first old one claimed, then the sweep stopped at the store")
                .isEqualTo(1);
        assertThat(media.get(1L).state() == Media.State.DELETING
                        || media.get(4L).state() == Media.State.DELETING)
                .isTrue();
    }
}
