package dev.streamtune.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's {@code --name value} options. The defaults name every known option; anything else is rejected
 * with a message listing the known ones.
 */
public final class BenchArgs {

    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args} over {@code defaults} (option name without dashes → default value).
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    public static BenchArgs parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options: " + known(defaults));
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; options: " + known(defaults));
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return new BenchArgs(values);
    }

    /** The option's value as text. */
    public String text(String name) {
        String v = values.get(name);
        if (v == null && !values.containsKey(name)) {
            throw new IllegalArgumentException("no option --" + name);
        }
        return v;
    }

    /** The option's value as an int, at least {@code min}. */
    public int integer(String name, int min) {
        long v = number(name, min);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option --" + name + " must be at most " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** The option's value as a double, greater than zero. */
    public double positive(String name) {
        double v;
        try {
            v = Double.parseDouble(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a number, got '" + text(name) + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("option --" + name + " must be greater than 0, got " + text(name));
        }
        return v;
    }

    private long number(String name, long min) {
        long v;
        try {
            v = Long.parseLong(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be an integer, got '" + text(name) + "'");
        }
        if (v < min) {
            throw new IllegalArgumentException("option --" + name + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** All options with their values, for the report. */
    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private static String known(Map<String, String> defaults) {
        return String.join(", ", defaults.keySet().stream().map(k -> "--" + k).toList());
    }
}
