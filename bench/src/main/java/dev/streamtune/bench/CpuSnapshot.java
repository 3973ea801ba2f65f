package dev.streamtune.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds, and those of the JIT compiler threads, of this JVM and of every process it started, at one moment.
 * The difference of two, per unit of work, tells how a run's CPU split between broker, service and bench, and
 * how much of it was still compilation.
 *
 * @param cpu CPU seconds by process, keyed as {@link ProcessCpu#selfAndDescendantsByProcess()}
 * @param jit JIT compiler CPU seconds by process, same keys
 */
record CpuSnapshot(Map<String, Double> cpu, Map<String, Double> jit) {

    /** The CPU used since {@code before}, per unit of work. */
    record Usage(double total, double jit, Map<String, Double> byProcess, Map<String, Double> jitByProcess) {

        /** E.g. {@code "4021 ? 0.38 (JIT 0.11), 4131 quarkus-run.jar 4.05 (JIT 0.19), bench 0.16 (JIT 0.06)"}. */
        String describe(String numberFormat) {
            StringBuilder out = new StringBuilder();
            byProcess.forEach((process, used) -> out.append(out.isEmpty() ? "" : ", ").append(process).append(' ')
                    .append(String.format(Locale.ROOT, numberFormat + " (JIT " + numberFormat + ")", used,
                            jitByProcess.getOrDefault(process, 0.0))));
            return out.toString();
        }
    }

    /** The figures now. */
    static CpuSnapshot take() {
        return new CpuSnapshot(ProcessCpu.selfAndDescendantsByProcess(), ProcessCpu.jitOfSelfAndDescendants());
    }

    /**
     * What was used from {@code before} to this snapshot, divided by {@code units} and multiplied by {@code scale}
     * (e.g. {@code 1e6} for microseconds per unit).
     */
    Usage since(CpuSnapshot before, double units, double scale) {
        Map<String, Double> used = per(cpu, before.cpu, units, scale);
        Map<String, Double> compiled = per(jit, before.jit, units, scale);
        return new Usage(sum(used), sum(compiled), used, compiled);
    }

    private static Map<String, Double> per(Map<String, Double> after, Map<String, Double> before, double units, double scale) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((process, seconds) -> out.put(process, (seconds - before.getOrDefault(process, 0.0)) * scale / units));
        return out;
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
