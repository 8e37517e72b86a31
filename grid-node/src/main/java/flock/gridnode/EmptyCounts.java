package flock.gridnode;

import com.hazelcast.map.MapLoader;
import flock.domain.engagement.TweetStats;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts loader of a grid without persistence: a tweet whose counts are not in memory has none, so they load as
 * empty counts, as Cassandra's store answers for a tweet no row can exist for. Without a loader a tweet nobody reacted to
 * would have no entry, which no near cache keeps: every page showing it would ask the members again (the scaling
 * benchmark's members, which run without Cassandra, measured a fifth of their page rate so).
 */
final class EmptyCounts implements MapLoader<Long, TweetStats> {
    @Override
    public TweetStats load(Long tweetId) {
        return TweetStats.empty();
    }

    @Override
    public Map<Long, TweetStats> loadAll(Collection<Long> tweetIds) {
        Map<Long, TweetStats> empty = new HashMap<>(tweetIds.size() * 2);
        for (Long tweetId : tweetIds) {
            empty.put(tweetId, TweetStats.empty());
        }
        return empty;
    }

    @Override
    public Iterable<Long> loadAllKeys() {
        return null; // nothing to load up front: counts load as they are asked for
    }
}
