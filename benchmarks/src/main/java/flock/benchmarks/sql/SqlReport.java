package flock.benchmarks.sql;

import flock.benchmarks.sql.SqlRun.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL stage's report: each query's time without and with the tweets' index, and what the index costs writes. */
record SqlReport(List<Query> queries, Map<Query, Timing> plain, Map<Query, Timing> indexed, List<String> plans) {

    Path write(double loadRate, double plainWrites, double indexedWrites, double indexSeconds, double minutes)
            throws IOException {
        List<String> md = new ArrayList<>();
        md.add("# Flock SQL over the live grid, " + LocalDate.now());
        md.add("");
        md.add(String.format(
                "- Command: `./flock bench --sql` (%.1f minutes). Two members (2 GB heap each, in memory only, the"
                        + " fan-out job running), one Hazelcast client; Java %s, %d cores.",
                minutes,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        md.add(String.format(
                "- Data: %,d tweets of 10,000 authors (skewed: author k posts about 1/k as often as author 1), their"
                        + " times spread evenly over the last 24 hours; 10,000 profiles. Loaded with putAll at %,.0f"
                        + " tweets/s.",
                SqlRun.TWEETS, loadRate));
        md.add("- Each query ran once to warm up, then 5 times; milliseconds from execute to the last row read:"
                + " median (fastest-slowest).");
        md.add("");
        md.add("| query | rows | no index: ms | sorted index on created_at: ms |");
        md.add("|---|---:|---:|---:|");
        for (Query query : queries) {
            Timing before = plain.get(query);
            Timing after = indexed.get(query);
            md.add(String.format("| %s | %,d | %s | %s |", query.name(), before.rows(), cell(before), cell(after)));
        }
        md.add("");
        md.add("| write cost of the index | value |");
        md.add("|---|---:|");
        md.add(String.format("| adding the index to 1,000,000 tweets (IMap.addIndex) | %.1f s |", indexSeconds));
        md.add(String.format("| putAll of 100,000 tweets, no index | %,.0f tweets/s |", plainWrites));
        md.add(String.format("| putAll of 100,000 tweets, with the index | %,.0f tweets/s |", indexedWrites));
        md.add("");
        md.add("Plans with the index (EXPLAIN, top operators first):");
        md.add("");
        for (int i = 0; i < queries.size(); i++) {
            md.add("- " + queries.get(i).name() + ": `" + plans.get(i) + "`");
        }
        Path file = SqlRun.reportFile();
        SqlRun.write(file, md);
        return file;
    }

    private static String cell(Timing timing) {
        return String.format("%,.0f (%,.0f-%,.0f)", timing.median(), timing.min(), timing.max());
    }
}
