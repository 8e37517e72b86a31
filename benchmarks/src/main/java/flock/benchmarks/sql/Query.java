package flock.benchmarks.sql;

import flock.analytics.ExampleQueries;
import flock.analytics.ExampleQueries.Example;
import java.util.List;

/** One analysts' query the SQL stage times: two that must read every tweet, then docs/sql.md's examples over tweets. */
record Query(String name, String sql, Object... parameters) {

    static List<Query> all(long now) {
        return List.of(
                new Query(
                        "full scan: tweets mentioning coffee",
                        "SELECT COUNT(*) FROM tweets WHERE text LIKE '%coffee%'"),
                new Query(
                        "grouped: tweets per author, top 10",
                        "SELECT author_id, COUNT(*) AS posted FROM tweets GROUP BY author_id"
                                + " ORDER BY posted DESC LIMIT 10"),
                example(ExampleQueries.TOP_POSTERS, now),
                example(ExampleQueries.TWEETS_PER_MINUTE, now),
                example(ExampleQueries.ACTIVE_TODAY, now));
    }

    private static Query example(Example example, long now) {
        return new Query("example " + example.name() + ": " + example.title(), example.sql(), example.parameters(now));
    }
}
