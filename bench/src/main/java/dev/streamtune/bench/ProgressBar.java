package dev.streamtune.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar: {@code [#######.......]  1,200 / 3,000 samples  148.2 samples/s}. On a terminal it
 * redraws the line in place; otherwise (a log, a pipe) it prints a line at every tenth of the way.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean inPlace;
    private final long startNanos = System.nanoTime();
    private long lastTenth = -1;

    /**
     * @param total how many units make 100 %, at least 1
     * @param inPlace redraw one line with carriage returns (for a terminal)
     */
    public ProgressBar(long total, String unit, PrintStream out, boolean inPlace) {
        if (total < 1) {
            throw new IllegalArgumentException("a progress bar needs a total of at least 1, got " + total);
        }
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.inPlace = inPlace;
    }

    /** Shows {@code done} units so far. */
    public void update(long done) {
        String line = render(done, total, unit, rate(done));
        if (inPlace) {
            out.print("\r" + line);
            out.flush();
        } else {
            long tenth = Math.min(10, done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
    }

    /** Shows {@code done} as final and ends the line. */
    public void finish(long done) {
        update(done);
        if (inPlace) {
            out.println();
        }
    }

    private double rate(long done) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? done / seconds : 0;
    }

    /** The bar's text for {@code done} of {@code total} at {@code perSecond}. */
    static String render(long done, long total, String unit, double perSecond) {
        if (done < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + " is outside 0.." + total);
        }
        int filled = (int) (done * WIDTH / total);
        return String.format(Locale.ROOT, "[%s%s] %,7d / %,d %s  %6.1f %s/s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, unit, perSecond, unit);
    }
}
