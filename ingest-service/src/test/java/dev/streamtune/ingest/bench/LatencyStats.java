package dev.streamtune.ingest.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latencies of one open-loop run, each measured from the moment the request was due (not when it was sent), so
 * a stalled system cannot hide its queueing.
 *
 * @param name what was measured
 * @param nanos the latency of every successful request
 * @param errors requests that failed
 * @param seconds length of the measured run
 */
record LatencyStats(String name, long[] nanos, int errors, double seconds) {

    double percentileMillis(double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", name);
        row.put("requests", nanos.length + errors);
        row.put("errors", errors);
        row.put("achieved_per_s", Math.round((nanos.length + errors) / seconds));
        row.put("p50_ms", round(percentileMillis(50)));
        row.put("p95_ms", round(percentileMillis(95)));
        row.put("p99_ms", round(percentileMillis(99)));
        row.put("max_ms", round(percentileMillis(100)));
        return row;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
