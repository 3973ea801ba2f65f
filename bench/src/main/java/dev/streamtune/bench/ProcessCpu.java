package dev.streamtune.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and memory of processes (Linux {@code /proc}), so that figures measured on a shared machine can be
 * compared per unit of work rather than per wall second.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = clockTicks();
    private static final String SELF = "bench";

    private ProcessCpu() {}

    /** CPU seconds used so far by this JVM. */
    static double self() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds used so far by this JVM ({@code "bench"}) and by each process it started, keyed by pid and the
     * last word of the command line (e.g. {@code "1234 quarkus-run.jar"}).
     */
    static Map<String, Double> selfAndDescendantsByProcess() {
        Map<String, Double> cpu = new TreeMap<>();
        processes().forEach((key, pid) -> {
            try {
                cpu.put(key, key.equals(SELF) ? self() : of(pid));
            } catch (UncheckedIOException e) {
                // ended meanwhile
            }
        });
        return cpu;
    }

    /**
     * JIT compiler CPU seconds so far of this JVM and of each process it started (see {@link #jitOf}), keyed as
     * {@link #selfAndDescendantsByProcess()}.
     */
    static Map<String, Double> jitOfSelfAndDescendants() {
        Map<String, Double> jit = new TreeMap<>();
        processes().forEach((key, pid) -> {
            try {
                jit.put(key, jitOf(pid));
            } catch (UncheckedIOException e) {
                // ended meanwhile
            }
        });
        return jit;
    }

    /** This JVM ({@link #SELF}) and each process it started, by key ("pid last-word-of-command-line"), to pid. */
    private static Map<String, Long> processes() {
        Map<String, Long> out = new TreeMap<>();
        out.put(SELF, ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> {
            String[] args = p.info().arguments().orElse(new String[] {"?"});
            String main = args.length == 0 ? "?" : args[args.length - 1];
            for (String a : args) {
                if (a.endsWith(".jar") || a.endsWith("Main")) {
                    main = a.substring(a.lastIndexOf('/') + 1);
                }
            }
            out.put(p.pid() + " " + main, p.pid());
        });
        return out;
    }

    /** CPU seconds used so far by process {@code pid} ({@code utime + stime} of {@code /proc/PID/stat}). */
    static double of(long pid) {
        String stat = read(pid, "stat");
        // the fields after the command name, which is in parentheses and may contain spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by the JIT compiler threads of JVM {@code pid} (threads named {@code C1/C2
     * CompilerThread…}), summed over {@code /proc/PID/task}; threads that ended are not counted, which only ever
     * makes this lower.
     */
    static double jitOf(long pid) {
        double seconds = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        seconds += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/" + pid + "/task", e);
        }
        return seconds;
    }

    /** Resident set size of {@code pid} now ({@code VmRSS}), in MiB. */
    static double rssMib(long pid) {
        return statusKib(pid, "VmRSS:") / 1024.0;
    }

    /** Peak resident set size of {@code pid} so far ({@code VmHWM}), in MiB. */
    static double peakRssMib(long pid) {
        return statusKib(pid, "VmHWM:") / 1024.0;
    }

    private static long statusKib(long pid, String field) {
        for (String line : read(pid, "status").split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException(field + " missing in /proc/" + pid + "/status");
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file, e);
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + out);
            }
            return Double.parseDouble(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run getconf CLK_TCK", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading CLK_TCK", e);
        }
    }
}
