package flock.apinode;

import com.hazelcast.core.HazelcastInstance;

/**
 * The API node's services over one grid connection, wired once: {@link Main} mounts them, and the unit tests
 * build the same wiring with settings of their own instead of repeating it.
 */
record ApiServices(Accounts accounts, Graph graph, Posts posts, HomeFeed homeFeed, Views views) {

    static ApiServices wire(HazelcastInstance grid, FeedSettings feedSettings, GraphSettings graphSettings) {
        Accounts accounts = new Accounts(grid);
        PullAccounts pullAccounts = new PullAccounts(grid, feedSettings.pullThreshold());
        Graph graph = new Graph(grid, accounts, pullAccounts, graphSettings);
        HomeFeed homeFeed = new HomeFeed(grid, graph, pullAccounts, feedSettings, FeedMetrics.register(grid));
        return new ApiServices(accounts, graph, new Posts(grid), homeFeed, new Views(grid));
    }

    /** With the default settings. */
    static ApiServices wire(HazelcastInstance grid) {
        return wire(grid, FeedSettings.DEFAULTS, GraphSettings.DEFAULTS);
    }
}
