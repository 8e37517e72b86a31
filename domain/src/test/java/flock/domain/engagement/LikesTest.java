package flock.domain.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LikesTest {

    @Test
    void should_keep_the_first_like_when_liked_twice_and_change_nothing_when_unliking_what_is_not_liked() {
        Map.Entry<Long, LikeList> account = new AbstractMap.SimpleEntry<>(1L, null);

        LikeChange first = SetLike.like(10, 100).process(account);
        LikeChange again = SetLike.like(10, 200).process(account);
        LikeChange unlikeOther = SetLike.unlike(11).process(account);

        assertThat(first).isEqualTo(new LikeChange(true, 100, 1));
        assertThat(again).isEqualTo(new LikeChange(true, 100, 1));
        assertThat(unlikeOther).isEqualTo(new LikeChange(false, 0, 1));
        assertThat(account.getValue().version()).isEqualTo(1);

        LikeChange unliked = SetLike.unlike(10).process(account);
        assertThat(unliked).isEqualTo(new LikeChange(false, 100, 2));
        assertThat(account.getValue().size()).isZero();
    }

    @Test
    void should_find_each_like_and_page_likes_newest_first() {
        Map.Entry<Long, LikeList> account = new AbstractMap.SimpleEntry<>(1L, null);
        SetLike.like(30, 103).process(account); // liked last, an older tweet
        SetLike.like(50, 101).process(account);
        SetLike.like(40, 102).process(account);

        assertThat(account.getValue().edgeOf(40)).isEqualTo(102);
        assertThat(account.getValue().edgeOf(45)).as("not liked").isZero();
        assertThat(account.getValue().edgeOf(30)).isEqualTo(103);

        EdgePage newest = new ReadLikes(Long.MAX_VALUE, 2).process(account);
        assertThat(newest.otherIds()).containsExactly(30, 40);
        EdgePage next = new ReadLikes(newest.edgeIds()[1], 2).process(account);
        assertThat(next.otherIds()).containsExactly(50);
        assertThat(new ReadLikes(Long.MAX_VALUE, 5)
                        .process(new AbstractMap.SimpleEntry<>(2L, null))
                        .size())
                .isZero();
    }

    @Test
    void should_ignore_a_change_older_than_the_one_the_bucket_holds() {
        EdgeBucket liked = EdgeBucket.EMPTY.apply(7, 100, 3, true, 0);
        EdgeBucket stale = liked.apply(7, 0, 2, false, 0);
        EdgeBucket repeated = liked.apply(7, 100, 3, true, 0);

        assertThat(stale).isSameAs(liked);
        assertThat(repeated).isSameAs(liked);
        assertThat(liked.size()).isEqualTo(1);
        assertThat(liked.changes()).isEqualTo(1);
    }

    @Test
    void should_not_bring_back_an_unliking_account_with_a_like_that_arrives_late_until_the_tombstone_expires() {
        EdgeBucket unliked = EdgeBucket.EMPTY.apply(7, 100, 1, true, 0).apply(7, 100, 2, false, 1_000);
        EdgeBucket lateLike = unliked.apply(7, 100, 1, true, 2_000);

        assertThat(unliked.size()).isZero();
        assertThat(lateLike.size()).isZero();
        assertThat(unliked.changes()).isEqualTo(2);

        EdgeBucket afterExpiry = unliked.apply(8, 200, 1, true, 1_000 + EdgeBucket.TOMBSTONE_MILLIS + 1);
        assertThat(afterExpiry.goneIds()).isEmpty();
        assertThat(afterExpiry.actorIds()).containsExactly(8);
    }

    /**
     * Racing requests of several accounts, each a run of likes and unlikes of one tweet, delivered to the bucket in
     * every kind of order and with duplicates: the bucket must end with exactly the accounts whose last change was a
     * like, and the stats fed with its reports, in any order, must count exactly them.
     */
    @Test
    void should_end_as_each_accounts_newest_change_left_it_whatever_the_order_and_duplicates() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<ApplyLike> events = new ArrayList<>();
            int expected = 0;
            for (long actor = 1; actor <= 20; actor++) {
                Map.Entry<Long, LikeList> account = new AbstractMap.SimpleEntry<>(actor, null);
                int changes = 1 + random.nextInt(5);
                LikeChange last = null;
                for (int change = 0; change < changes; change++) {
                    SetLike request =
                            random.nextBoolean() ? SetLike.like(99, actor * 1_000 + change) : SetLike.unlike(99);
                    last = request.process(account);
                    events.add(ApplyLike.of(actor, last, 0));
                    if (random.nextInt(4) == 0) {
                        events.add(ApplyLike.of(actor, last, 0)); // a retry or a replay
                    }
                }
                expected += last.liked() ? 1 : 0;
            }
            Collections.shuffle(events, random);
            Map.Entry<BucketKey, EdgeBucket> bucket = new AbstractMap.SimpleEntry<>(new BucketKey(99, 0), null);
            List<BucketSize> reports = new ArrayList<>();
            for (ApplyLike event : events) {
                reports.add(event.process(bucket));
            }
            Collections.shuffle(reports, random);
            Map.Entry<Long, TweetStats> stats = new AbstractMap.SimpleEntry<>(99L, null);
            for (BucketSize report : reports) {
                ReportBucket.of(Counted.LIKES, 0, report).process(stats);
            }

            int size = bucket.getValue() == null ? 0 : bucket.getValue().size();
            assertThat(size).as("round %d", round).isEqualTo(expected);
            int counted = stats.getValue() == null ? 0 : stats.getValue().likes();
            assertThat(counted).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void should_spread_accounts_over_every_bucket() {
        int[] perBucket = new int[BucketKey.BUCKETS];
        long flake = 1_700_000_000_000L << 22;
        for (int i = 0; i < 16_000; i++) {
            perBucket[BucketKey.bucketOf(flake + i)]++;
        }
        for (int count : perBucket) {
            assertThat(count).isBetween(800, 1_200);
        }
    }
}
