package flock.mapstores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.hazelcast.map.MapLoader;
import com.hazelcast.map.MapStoreFactory;
import flock.domain.MapNames;
import java.util.Objects;
import java.util.Properties;

/**
 * Gives each persisted grid map its MapStore, all sharing one driver session. {@code hazelcast.yaml}
 * names this class so the configuration reads completely; the grid node then hands Hazelcast an
 * instance holding the session it opened, because a factory made by reflection could not get one.
 */
public final class FlockMapStoreFactory implements MapStoreFactory<Object, Object> {
    private final CqlSession session;

    /** Only so that the class name in hazelcast.yaml is valid; a member always uses the other one. */
    public FlockMapStoreFactory() {
        throw new IllegalStateException("FlockMapStoreFactory needs a Cassandra session: start members with"
                + " flock.gridnode.GridNode, which opens one and installs the factory");
    }

    public FlockMapStoreFactory(CqlSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapLoader<Object, Object> newMapStore(String mapName, Properties properties) {
        MapLoader store =
                switch (mapName) {
                    case MapNames.USERS -> new UserMapStore(session);
                    case MapNames.HANDLES -> new HandleMapStore(session);
                    case MapNames.CREDENTIALS -> new CredentialMapStore(session);
                    case MapNames.FOLLOWING -> FollowListMapStore.byUser(session, mapName);
                    case MapNames.FOLLOWERS -> new FollowerHeadMapStore(session);
                    case MapNames.BLOCKING -> FollowListMapStore.blocking(session);
                    case MapNames.MUTING -> new MuteListMapStore(session);
                    case MapNames.NOTIFICATIONS -> new InboxMapStore(session);
                    case MapNames.FOLLOWER_CHUNKS -> FollowListMapStore.followerChunks(session);
                    case MapNames.TWEETS -> new TweetMapStore(session);
                    case MapNames.MEDIA -> new MediaMapStore(session);
                    case MapNames.USER_TIMELINES -> new UserTimelineLoader(session);
                    case MapNames.LIKES -> new LikeListMapStore(session, "likes", "like_versions");
                    case MapNames.LIKERS -> new EdgeBucketMapStore(session, "likers");
                    case MapNames.REPLIES -> new EdgeBucketMapStore(session, "replies");
                    case MapNames.QUOTES -> new EdgeBucketMapStore(session, "quotes");
                    case MapNames.REPOSTS -> new EdgeBucketMapStore(session, "reposts");
                    case MapNames.REPOSTED -> new LikeListMapStore(session, "reposted", "reposted_versions");
                    case MapNames.TWEET_STATS -> new TweetStatsMapStore(session);
                    default -> throw new IllegalArgumentException("no Cassandra store for map '" + mapName + "'");
                };
        return store;
    }
}
