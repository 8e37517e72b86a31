package flock.benchmarks.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scaling stage's report: a table per size, memory against users, and the projection to 200M users. */
final class ScalingReport {
    private static final Pattern WRITE_BEHIND_RATE = Pattern.compile("in [\\d.]+ s, ([\\d,]+) rows/s");

    private final List<ScalePoint> points;
    private final String stoppedAt;
    private final String command;
    private final double minutes;
    private final String memberHeap;
    private final double readRate;
    private final int tweets;

    ScalingReport(
            List<ScalePoint> points,
            String stoppedAt,
            String command,
            double minutes,
            String memberHeap,
            double readRate,
            int tweets) {
        this.points = points;
        this.stoppedAt = stoppedAt;
        this.command = command;
        this.minutes = minutes;
        this.memberHeap = memberHeap;
        this.readRate = readRate;
        this.tweets = tweets;
    }

    Path write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        List<String> md = new ArrayList<>();
        md.add("# Flock scaling, " + name.replace("-scaling", ""));
        md.add("");
        md.add("- Command: `" + command + "`; " + String.format("%.1f minutes", minutes));
        md.add("- Two members (" + memberHeap + " heap each, one backup copy of every entry) in memory only, an API"
                + " node and the load generator, all on this machine ("
                + Runtime.getRuntime().availableProcessors()
                + " cores); the API node has a 2g heap. Graph as in the full run (log-normal following, mean 20; Zipf"
                + " 0.8 popularity); every user has a cached feed; "
                + String.format("%,d", tweets)
                + " tweets posted through the grid, so that"
                + " Flock's own fan-out puts them into the feeds.");
        md.add(
                "- Memory is the live objects on the members' heaps (jcmd GC.class_histogram, after the full GC it runs),"
                        + " read before and after each load step. \"Heap, all loaded\" and \"per user\" count both copies; accounts (profile,"
                        + " credential, follower list), an empty feed and a timeline entry are per copy, the entry measured by"
                        + " filling 10,000 feeds to 800 entries at the end; a tweet counts both copies and its event-journal"
                        + " entry."
                        + " Reads are home pages of 10 for users drawn from all of them, open loop at "
                        + String.format("%,.0f", readRate)
                        + "/s for 8 s, after " + ScalingRun.READ_WARM_UP.toSeconds()
                        + " s runs at that rate until one kept p99 under 20 ms"
                        + " (at most " + ScalingRun.WARM_UP_RUNS + ": the first size starts four JVMs compiling on two"
                        + " cores)."
                        + " Closed loops: 5 s each, 64 connections; the first over readers drawn from all users (at the"
                        + " larger sizes nearly every page is its reader's first on the API node, nothing of the reader"
                        + " near-cached), the second over the same "
                        + String.format("%,d", ScalingRun.ACTIVE_READERS)
                        + " readers at every size, each one's page read once before it.");
        md.add("- Cassandra is not in this stage: writing a million users' history behind through one node on these"
                + " 2 cores would take over an hour. Its write rate (rows/s) is the full run's.");
        if (stoppedAt != null) {
            md.add("- **Stopped at " + stoppedAt + "**");
        }
        md.add("");
        md.add("| users | follows | heap, all loaded | per user | accounts per user | empty feed | per timeline entry"
                + " | per tweet | fan-out inserts/s | read p50 | read p99 | errors | closed-loop pages/s"
                + " | the same, readers read before |");
        md.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ScalePoint p : points) {
            md.add(String.format(
                    "| %,d | %,d | %,.0f MB | %,.0f B | %,.0f B | %,.0f B | %.1f B | %,.0f B | %,.0f | %.2f ms | %.2f ms"
                            + " | %d | %,.0f | %,.0f |",
                    p.users(),
                    p.follows(),
                    (p.postedHeapBytes() - p.emptyHeapBytes()) / 1e6,
                    p.heapBytesPerUser(),
                    p.accountBytesPerUser(),
                    p.bytesPerEmptyFeed(),
                    p.bytesPerTimelineEntry(),
                    p.heapBytesPerTweet(),
                    p.updatesPerSecond(),
                    p.readP50Millis(),
                    p.readP99Millis(),
                    p.readErrors(),
                    p.closedLoopReads(),
                    p.closedLoopActiveReads()));
        }
        md.add("");
        if (!points.isEmpty()) {
            Path plot = memoryPlot(dir, name + "-memory.png");
            md.add("![member heap against users](" + plot.getFileName() + ")");
            md.add("");
            ScalePoint largest = points.get(points.size() - 1);
            md.add(String.format("## Projection to the design's 200M daily users (from %,d users)", largest.users()));
            md.add("");
            md.addAll(new Projection(largest, fullRunWriteBehindRate(dir)).lines());
        }
        Path file = dir.resolve(name + ".md");
        Files.write(file, md);
        return file;
    }

    /** The write-behind rate of the newest full run's report beside this one, or NaN. */
    static double fullRunWriteBehindRate(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> full = files.filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md"))
                    .sorted()
                    .toList();
            for (int i = full.size() - 1; i >= 0; i--) {
                Matcher rate = WRITE_BEHIND_RATE.matcher(Files.readString(full.get(i)));
                if (rate.find()) {
                    return Double.parseDouble(rate.group(1).replace(",", ""));
                }
            }
        }
        return Double.NaN;
    }

    private Path memoryPlot(Path dir, String file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(540)
                .title("Members' live heap against users (both copies)")
                .xAxisTitle("users (log scale)")
                .yAxisTitle("MB (log scale)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[] users = points.stream().mapToDouble(ScalePoint::users).toArray();
        series(chart, "accounts and follower lists", users, p -> p.accountsHeapBytes() - p.emptyHeapBytes());
        series(chart, "+ empty cached feeds", users, p -> p.feedsHeapBytes() - p.emptyHeapBytes());
        series(
                chart,
                String.format("+ %,d tweets fanned out", tweets),
                users,
                p -> p.postedHeapBytes() - p.emptyHeapBytes());
        Path path = dir.resolve(file);
        BitmapEncoder.saveBitmap(chart, path.toString(), BitmapEncoder.BitmapFormat.PNG);
        return path;
    }

    private void series(
            XYChart chart, String name, double[] users, java.util.function.ToLongFunction<ScalePoint> bytes) {
        double[] mb = points.stream()
                .mapToDouble(p -> Math.max(1, bytes.applyAsLong(p) / 1e6))
                .toArray();
        chart.addSeries(name, users, mb).setMarker(SeriesMarkers.CIRCLE);
    }
}
