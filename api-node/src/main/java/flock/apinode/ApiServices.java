package flock.apinode;

import com.hazelcast.core.HazelcastInstance;
import flock.apinode.account.Accounts;
import flock.apinode.engagement.Likes;
import flock.apinode.engagement.Replies;
import flock.apinode.engagement.Reposts;
import flock.apinode.graph.Graph;
import flock.apinode.graph.GraphSettings;
import flock.apinode.graph.PullAccounts;
import flock.apinode.limits.LimitSettings;
import flock.apinode.media.MediaLibrary;
import flock.apinode.media.MediaSettings;
import flock.apinode.notification.Notifications;
import flock.apinode.render.NotificationPages;
import flock.apinode.render.RenderedTweets;
import flock.apinode.render.Views;
import flock.apinode.safety.Blocks;
import flock.apinode.safety.Mutes;
import flock.apinode.safety.Visibility;
import flock.apinode.streaming.Streams;
import flock.apinode.timeline.FeedMetrics;
import flock.apinode.timeline.FeedSettings;
import flock.apinode.timeline.HomeFeed;
import flock.apinode.tweet.Tweets;
import flock.objectstore.ObjectStore;

/**
 * The API node's services over one grid connection, wired once: {@link Main} mounts them, and the unit tests
 * build the same wiring with settings of their own instead of repeating it.
 */
record ApiServices(
        Accounts accounts,
        Graph graph,
        Tweets tweets,
        HomeFeed homeFeed,
        Views views,
        RenderedTweets rendered,
        MediaLibrary media,
        Likes likes,
        Replies replies,
        Reposts reposts,
        Blocks blocks,
        Mutes mutes,
        Visibility visibility,
        Notifications notifications,
        NotificationPages notificationPages,
        Streams streams) {

    static ApiServices wire(HazelcastInstance grid, ApiSettings settings) {
        Accounts accounts = new Accounts(grid);
        PullAccounts pullAccounts = new PullAccounts(grid, settings.feed().pullThreshold());
        Blocks blocks = new Blocks(grid);
        Mutes mutes = new Mutes(grid);
        Graph graph = new Graph(grid, accounts, pullAccounts, settings.graph(), blocks);
        HomeFeed homeFeed = new HomeFeed(grid, graph, pullAccounts, settings.feed(), FeedMetrics.register(grid));
        MediaLibrary media = new MediaLibrary(
                grid,
                new ObjectStore(settings.media().store()),
                settings.media().urlExpiry());
        RenderedTweets rendered = RenderedTweets.register(grid, settings.renderedTweets());
        Tweets tweets = new Tweets(grid, media, rendered, blocks);
        Views views = new Views(grid, rendered);
        Likes likes = new Likes(grid, blocks);
        Visibility visibility = new Visibility(blocks, mutes);
        Notifications notifications = new Notifications(grid);
        NotificationPages notificationPages = new NotificationPages(grid, views);
        return new ApiServices(
                accounts,
                graph,
                tweets,
                homeFeed,
                views,
                rendered,
                media,
                likes,
                new Replies(grid),
                new Reposts(grid, tweets, blocks),
                blocks,
                mutes,
                visibility,
                notifications,
                notificationPages,
                new Streams(
                        grid,
                        settings.streaming(),
                        homeFeed,
                        graph,
                        pullAccounts,
                        views,
                        likes,
                        visibility,
                        notifications,
                        notificationPages));
    }

    static ApiServices wire(HazelcastInstance grid, FeedSettings feedSettings, GraphSettings graphSettings) {
        return wire(
                grid,
                new ApiSettings(
                        feedSettings,
                        graphSettings,
                        LimitSettings.DEFAULTS,
                        MediaSettings.DEFAULTS,
                        ApiSettings.DEFAULT_RENDERED_TWEETS,
                        java.util.Optional.empty()));
    }

    /** With the default settings. */
    static ApiServices wire(HazelcastInstance grid) {
        return wire(grid, ApiSettings.DEFAULTS);
    }
}
