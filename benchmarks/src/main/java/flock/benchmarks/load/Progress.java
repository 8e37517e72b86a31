package flock.benchmarks.load;

import java.io.PrintStream;

/**
 * A progress bar for long loads: redrawn in place on a terminal, one line per tenth otherwise (CI logs).
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long done;
    private int lastShown = -1;

    public Progress(String what, long total) {
        this.what = what;
        this.total = Math.max(1, total);
        this.out = System.out;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    public synchronized void advance(long count) {
        done += count;
        int percent = (int) Math.min(100, done * 100 / total);
        int step = terminal ? percent : percent / 10 * 10;
        if (step != lastShown) {
            lastShown = step;
            draw(percent);
        }
    }

    /** Finishes the bar and says how long it took. */
    public synchronized void finish() {
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("%-24s done: %,d in %.1f s (%,.0f/s)", what, done, seconds, done / seconds);
        out.println(terminal ? "\r" + line + " ".repeat(20) : line);
    }

    private void draw(int percent) {
        int filled = percent * WIDTH / 100;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String line = String.format("%-24s [%s] %3d%% (%,d/%,d)", what, bar, percent, done, total);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }
}
