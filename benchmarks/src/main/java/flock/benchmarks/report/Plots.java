package flock.benchmarks.report;

import flock.benchmarks.http.Mix;
import flock.benchmarks.http.RateSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots, drawn headless with XChart. */
final class Plots {
    private Plots() {}

    /** p99 latency against achieved throughput, one line per system, for one mix. */
    static Path latencyCurve(Path dir, String file, Mix mix, List<Measurement> measurements) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(540)
                .title("p99 latency against throughput: " + mix.name())
                .xAxisTitle("requests per second achieved (open loop)")
                .yAxisTitle("p99 latency, ms (log scale)")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        for (Measurement measurement : measurements) {
            List<RateSearch.Probe> probes = measurement.capacity().probes();
            if (probes.isEmpty()) {
                continue;
            }
            chart.addSeries(
                            measurement.target().name(),
                            values(probes, probe -> probe.result().throughput()),
                            values(
                                    probes,
                                    probe -> Math.max(0.01, probe.result().millis(99))))
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        Path path = dir.resolve(file);
        BitmapEncoder.saveBitmap(chart, path.toString(), BitmapEncoder.BitmapFormat.PNG);
        return path;
    }

    /** Fan-out lag p50 and p99 of each Flock variant, for each mix with posts. */
    static Path fanOutLag(Path dir, String file, List<Measurement> measurements) throws IOException {
        System.setProperty("java.awt.headless", "true");
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder()
                .width(900)
                .height(540)
                .title("Fan-out lag: post acknowledged to follower feeds updated")
                .xAxisTitle("system and mix")
                .yAxisTitle("ms")
                .build();
        // Linear: XChart draws bars from zero, which a logarithmic axis cannot show.
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        List<String> names = measurements.stream()
                .map(m -> m.target().name() + ", " + m.mix().name())
                .toList();
        chart.addSeries(
                "p50",
                names,
                measurements.stream().map(m -> (Number) m.lagP50Millis()).toList());
        chart.addSeries(
                "p99",
                names,
                measurements.stream().map(m -> (Number) m.lagP99Millis()).toList());
        Path path = dir.resolve(file);
        BitmapEncoder.saveBitmap(chart, path.toString(), BitmapEncoder.BitmapFormat.PNG);
        return path;
    }

    private static double[] values(List<RateSearch.Probe> probes, ToDoubleFunction<RateSearch.Probe> value) {
        return probes.stream().mapToDouble(value).toArray();
    }
}
