package dev.streamtune.bench;

import dev.streamtune.core.bert.ActivationCache;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.FineTuner;
import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.bert.TrainingOptions;
import dev.streamtune.core.head.HeadConfig;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training-step throughput at a fixed shape: batch 8 × 32 tokens (every text is at least 32 tokens long, so no
 * row is padded), per strategy, with the frozen layers recomputed every step (without gradients) or read from
 * the per-sample activation cache.
 */
final class StepSpeed {

    /** One measured configuration: median step time and the samples/s it gives. */
    record Measurement(String strategy, String frozenLayers, double samplesPerSecond, double msPerStep,
            double cpuMsPerStep) {

        /** Samples per second of the process's CPU time: the cost without waiting for the shared cores. */
        double samplesPerCpuSecond() {
            return 1000 * BATCH / cpuMsPerStep;
        }
    }

    static final int BATCH = 8;
    static final int TOKENS = 32;

    private final MiniLmEncoder base;
    private final List<LabeledText> batch;
    private final int warmup;
    private final int steps;

    StepSpeed(MiniLmEncoder base, List<LabeledText> candidates, int warmup, int steps) {
        this.base = base;
        this.batch = fullLengthBatch(base, candidates);
        this.warmup = warmup;
        this.steps = steps;
    }

    /**
     * Measures each strategy with cached frozen layers, and also recomputing them for {@code alsoUncached}.
     * Configurations take turns in {@code rounds} rounds of the timed steps, so a burst of load on the shared
     * machine hits all of them; the figure is the median step time.
     */
    List<Measurement> measureAll(List<FineTuneStrategy> strategies, List<FineTuneStrategy> alsoUncached, int rounds) {
        List<Config> configs = new ArrayList<>();
        try {
            for (FineTuneStrategy strategy : strategies) {
                if (alsoUncached.contains(strategy)) {
                    configs.add(Config.open(base, strategy, false, labels()));
                }
                configs.add(Config.open(base, strategy, true, labels()));
            }
            for (Config config : configs) {
                for (int i = 0; i < warmup; i++) {
                    config.tuner().step(batch);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (Config config : configs) {
                    for (int i = 0; i < steps; i++) {
                        long start = System.nanoTime();
                        long cpuStart = processCpuNanos();
                        config.tuner().step(batch);
                        config.cpuNanos().add(processCpuNanos() - cpuStart);
                        config.nanos().add(System.nanoTime() - start);
                    }
                }
            }
            return configs.stream().map(Config::measurement).toList();
        } finally {
            configs.forEach(c -> c.model().close());
        }
    }

    /** One configuration under measurement: its model, session and step times. */
    private record Config(FineTuneStrategy strategy, boolean cached, TextClassifier model, FineTuner tuner,
            List<Long> nanos, List<Long> cpuNanos) {

        static Config open(MiniLmEncoder base, FineTuneStrategy strategy, boolean cached, List<String> labels) {
            TextClassifier model = TextClassifier.create(base, strategy, HeadConfig.linear(base.config().hidden()),
                    labels, 1);
            ActivationCache cache = cached
                    ? new ActivationCache(base, strategy.firstTrainedLayer(base.config()), BATCH) : null;
            FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy), cache, null);
            return new Config(strategy, cached, model, tuner, new ArrayList<>(), new ArrayList<>());
        }

        /** Median wall time per step; mean CPU time per step (the process CPU clock ticks in 10 ms here). */
        Measurement measurement() {
            double medianMs = median(nanos) / 1e6;
            double meanCpuMs = cpuNanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
            return new Measurement(strategy.label(), cached ? "cached per sample" : "recomputed each step",
                    1000 * BATCH / medianMs, medianMs, meanCpuMs);
        }

        private static long median(List<Long> values) {
            return values.stream().sorted().toList().get(values.size() / 2);
        }
    }

    /** CPU time of this whole process (every PyTorch thread included), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Table row for a measurement. */
    static Map<String, Object> row(Measurement m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("strategy", m.strategy());
        row.put("frozen layers", m.frozenLayers());
        row.put("samples/s", m.samplesPerSecond());
        row.put("ms/step", m.msPerStep());
        row.put("CPU ms/step", m.cpuMsPerStep());
        return row;
    }

    private List<String> labels() {
        return batch.stream().map(LabeledText::label).distinct().toList();
    }

    private static List<LabeledText> fullLengthBatch(MiniLmEncoder base, List<LabeledText> candidates) {
        List<LabeledText> out = new ArrayList<>();
        for (LabeledText example : candidates) {
            long[] mask = base.tokenize(List.of(example.text())).mask();
            if (mask.length == TOKENS) {
                out.add(example);
                if (out.size() == BATCH) {
                    return out;
                }
            }
        }
        throw new IllegalStateException("fewer than " + BATCH + " texts of at least " + TOKENS + " tokens");
    }
}
