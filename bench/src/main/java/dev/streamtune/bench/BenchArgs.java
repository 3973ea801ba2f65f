package dev.streamtune.bench;

/** Reads {@code --name value} options from a benchmark's arguments. */
final class BenchArgs {

    private BenchArgs() {}

    /** The value after {@code name}, or {@code fallback} when absent. */
    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The integer after {@code name}, or {@code fallback} when absent. */
    static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs an integer, got '" + value + "'", e);
        }
    }
}
