package dev.streamtune.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point of {@code ./streamtune bench NAME [args]}: finds {@code NAME}'s {@link Benchmark} by naming
 * convention, runs it, and prints its report. Exit code 0 when it ran, 2 for an unknown name, 1 when it failed.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ./streamtune bench NAME [args]   (e.g. ingest, embed, train-step, continual)");
            System.exit(2);
        }
        String name = args[0];
        Benchmark bench;
        try {
            bench = (Benchmark) Class.forName(className(name)).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            System.err.println("unknown benchmark '" + name + "' (no class " + className(name) + ")");
            System.exit(2);
            return;
        }
        System.out.println("== bench " + name + ": " + bench.description());
        BenchReport report = new BenchReport(name);
        bench.run(report, Arrays.copyOfRange(args, 1, args.length));
        report.finish(System.out, Path.of(System.getProperty("streamtune.bench.dir", "target/bench")));
        System.exit(0);
    }

    /** {@code train-step} → {@code dev.streamtune.bench.TrainStepBench}. */
    static String className(String name) {
        StringBuilder sb = new StringBuilder(BenchMain.class.getPackageName()).append('.');
        for (String part : name.toLowerCase(Locale.ROOT).split("[-_]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.append("Bench").toString();
    }
}
