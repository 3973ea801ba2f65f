package dev.streamtune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average (Linux {@code /proc/loadavg}), so a report says whether other work shared the cores
 * while it measured.
 */
final class MachineLoad {

    private MachineLoad() {}

    /** The 1-minute load average, or -1 where it cannot be read. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Records the load average under {@code key} and warns when it exceeds the core count. */
    static void record(BenchReport report, String key) {
        double load = oneMinute();
        int cores = Runtime.getRuntime().availableProcessors();
        report.environment(key, load);
        if (load > cores) {
            System.out.printf("NOTE: load average %.1f on %d cores (%s): other processes share the CPU;"
                    + " figures are not representative of an idle machine%n", load, cores, key);
        }
    }
}
