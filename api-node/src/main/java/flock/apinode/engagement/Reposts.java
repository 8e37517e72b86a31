package flock.apinode.engagement;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.map.ReachedMaxSizeException;
import flock.apinode.grid.Determinate;
import flock.apinode.safety.Blocks;
import flock.apinode.tweet.Tweets;
import flock.domain.FlockException;
import flock.domain.MapNames;
import flock.domain.engagement.DropRepost;
import flock.domain.engagement.LikeChange;
import flock.domain.engagement.LikeList;
import flock.domain.engagement.SetLike;
import flock.domain.tweet.Tweet;
import java.util.Optional;

/**
 * Reposts: a repost is a tweet of the reposting account's whose {@code repostOf} is the original, posted and fanned out
 * as any tweet. The account's list of reposts ({@code reposted}, on its key as its likes are) names each repost's id,
 * so a second repost answers the first, and "reposted by me" on a page is read where the account's likes are.
 */
public final class Reposts {
    private final Tweets tweets;
    private final IMap<Long, LikeList> reposted;
    private final FlakeIdGenerator ids;
    private final Blocks blocks;

    public Reposts(HazelcastInstance grid, Tweets tweets, Blocks blocks) {
        this.blocks = blocks;
        this.tweets = tweets;
        this.reposted = grid.getMap(MapNames.REPOSTED);
        this.ids = grid.getFlakeIdGenerator(MapNames.ID_GENERATOR);
    }

    /**
     * The account's repost of the tweet (of its original, for a repost): made now, or the one it made before. A 404
     * for a tweet that does not exist, a 403 when the original's author blocks the account, and nothing changes.
     */
    public Tweets.Posted repost(long actorId, long tweetId) {
        Tweet original =
                originalOf(tweetId).orElseThrow(() -> FlockException.notFound("tweet " + tweetId + " does not exist"));
        blocks.requireNotBlockedBy(original.authorId(), actorId, "repost its tweets");
        long newId = ids.newId(); // one id for every attempt
        return Determinate.get(() -> listAndStore(actorId, original, newId));
    }

    private Tweets.Posted listAndStore(long actorId, Tweet original, long newId) {
        LikeChange listed = reposted.executeOnKey(actorId, SetLike.like(original.id(), newId));
        long repostId = listed.edgeId();
        Optional<Tweet> made = repostId == newId ? Optional.empty() : tweets.find(repostId);
        if (made.isPresent()) {
            return tweets.posted(made.get());
        }
        // New, or listed by an earlier request that did not get to store it: stored now, under the id listed.
        Tweet repost = Tweet.repostOf(original, repostId, actorId, System.currentTimeMillis());
        try {
            return tweets.store(repost);
        } catch (ReachedMaxSizeException refused) {
            // Refused for certain: unlisted again. Any other failure may have stored the repost, so the listing stays
            // for the retry, which finds the repost or stores it under the same id; dropped here, it could leave a
            // repost that no listing names and let the account repost a second time.
            reposted.executeOnKey(actorId, new DropRepost(original.id(), repostId));
            throw refused;
        }
    }

    /** Takes the account's repost of the tweet back; idempotent, also once the original is deleted. */
    public void unrepost(long actorId, long tweetId) {
        long originalId = tweets.find(tweetId)
                .filter(Tweet::isRepost)
                .map(Tweet::repostOfId)
                .orElse(tweetId);
        Determinate.run(() -> {
            LikeChange unlisted = reposted.executeOnKey(actorId, SetLike.unlike(originalId));
            if (unlisted.edgeId() != 0) {
                tweets.find(unlisted.edgeId()).ifPresent(tweets::remove);
            }
        });
    }

    private Optional<Tweet> originalOf(long tweetId) {
        Optional<Tweet> tweet = tweets.find(tweetId);
        return tweet.isPresent() && tweet.get().isRepost()
                ? tweets.find(tweet.get().repostOfId())
                : tweet;
    }
}
