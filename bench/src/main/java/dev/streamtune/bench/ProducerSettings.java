package dev.streamtune.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses producer settings given on the command line as {@code key=value,key=value}. */
final class ProducerSettings {

    private ProducerSettings() {}

    /** The settings in {@code spec}; an empty spec gives none. */
    static Map<String, String> parse(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("producer setting '" + pair.trim()
                        + "' is not key=value (e.g. compression.type=zstd,linger.ms=10)");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }
}
