package dev.streamtune.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one throughput run moved.
 *
 * @param path which path was measured, e.g. {@code rest-ndjson}
 * @param records records acknowledged
 * @param payloadBytes payload bytes credited (the NDJSON lines of those records)
 * @param nanos wall time from the first send to the last acknowledgement
 */
record Throughput(String path, long records, long payloadBytes, long nanos) {

    double seconds() {
        return nanos / 1e9;
    }

    double recordsPerSecond() {
        return records / seconds();
    }

    /** Megabytes (10^6 bytes) of payload per second. */
    double megabytesPerSecond() {
        return payloadBytes / 1e6 / seconds();
    }

    /** A report row. */
    Map<String, Object> row() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", path);
        r.put("records", records);
        r.put("MB", payloadBytes / 1e6);
        r.put("seconds", seconds());
        r.put("records/s", recordsPerSecond());
        r.put("MB/s", megabytesPerSecond());
        return r;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %,d records, %.1f MB in %.2f s = %,.0f records/s, %.1f MB/s",
                path, records, payloadBytes / 1e6, seconds(), recordsPerSecond(), megabytesPerSecond());
    }
}
