package dev.streamtune.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies (nanoseconds), nearest-rank method. */
final class LatencyStats {

    private final long[] sorted;

    LatencyStats(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies to summarise");
        }
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code q}-quantile ({@code 0 < q <= 1}) in milliseconds: the smallest value with at least q of all at or below it. */
    double percentileMillis(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return sorted[sorted.length - 1] / 1e6;
    }
}
