package dev.streamtune.bench;

import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.learn.OptimizerConfig;
import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.learn.SyntheticExamples;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.replay.ReplayPolicy;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench train-step}: time of one head training step at batch 64 (384-d features, hidden 256, 10 classes,
 * Adam) with half the batch replayed from a full 10,000-sample class-balanced buffer, against the same step
 * without replay measured in the same run; and the memory of a replay buffer holding 10,000 384-d embeddings.
 *
 * <p>One timed unit is a whole {@link ContinualLearner#learn} call that makes exactly one step: validation,
 * holdout routing, replay sampling, forward, backward, update, and offering the new samples to the buffer.
 * Arguments: {@code --steps N} timed steps per variant (default 2000), {@code --warmup N} (default 300).
 */
public final class TrainStepBench implements Benchmark {

    private static final int DIM = 384;
    private static final int CLASSES = 10;
    private static final int BATCH = 64;
    private static final int BUFFER = 10_000;
    private static final List<Integer> ALL_CLASSES = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    private static final double FLOOR_MEDIAN_MS = 2.0;
    private static final long FLOOR_MEMORY_BYTES = 20_000_000L;

    @Override
    public String description() {
        return "head step at batch 64 (384-d, hidden 256, 10 classes) with 50% replay vs no replay; replay memory for 10,000 embeddings";
    }

    @Override
    public void run(BenchReport report, String[] args) {
        int steps = BenchArgs.intArg(args, "--steps", 2000);
        int warmup = BenchArgs.intArg(args, "--warmup", 300);
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        if (threads == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        report.environment("pytorch_num_threads", System.getProperty("ai.djl.pytorch.num_threads"))
                .environment("loadavg_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        measureMemory(report);
        SyntheticExamples data = new SyntheticExamples(DIM, CLASSES, 1f, true, 1);
        LearnerConfig base = LearnerConfig.defaults(DIM).withHead(new HeadConfig(DIM, List.of(256), 0.1f))
                .withOptimizer(OptimizerConfig.adam(1e-3f)).withBatchSize(BATCH).withHoldout(0, 1).withSeed(3);
        try (ContinualLearner replay = ContinualLearner.create(
                        base.withReplay(ReplayConfig.of(ReplayPolicy.CLASS_BALANCED, BUFFER, 0.5)));
                ContinualLearner plain = ContinualLearner.create(base.withReplay(ReplayConfig.none()))) {
            System.out.println("filling the replay buffer with " + BUFFER + " samples...");
            replay.learn(data.examples("fill", BUFFER, ALL_CLASSES, 0, 11));
            plain.learn(data.examples("fill", 2 * BATCH, ALL_CLASSES, 0, 12));
            int newPerReplayStep = BATCH - BATCH / 2;
            long[] withReplay = new long[warmup + steps];
            long[] without = new long[warmup + steps];
            int rounds = 10;
            int perRound = (warmup + steps) / rounds + 1;
            int doneA = 0;
            int doneB = 0;
            for (int round = 0; round < rounds; round++) {
                doneA = time(replay, data, newPerReplayStep, withReplay, doneA, perRound, "r" + round);
                doneB = time(plain, data, BATCH, without, doneB, perRound, "p" + round);
            }
            Stats a = Stats.of(Arrays.copyOfRange(withReplay, warmup, doneA));
            Stats b = Stats.of(Arrays.copyOfRange(without, warmup, doneB));
            row(report, "with replay (32 new + 32 replayed)", a, replay.stats().replaySize());
            row(report, "baseline: no replay (64 new)", b, 0);
            report.result("step_median_ms", a.median()).result("step_p90_ms", a.p90())
                    .result("baseline_median_ms", b.median()).result("baseline_p90_ms", b.p90())
                    .result("replay_overhead_ratio", a.median() / b.median())
                    .result("step_p10_ms", a.p10())
                    .result("step_floor_ok", a.median() <= FLOOR_MEDIAN_MS);
            report.environment("loadavg_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int time(ContinualLearner learner, SyntheticExamples data, int batch, long[] into, int done,
            int count, String prefix) {
        for (int i = 0; i < count && done < into.length; i++) {
            List<Example> examples = data.examples(prefix + "-" + i, batch, ALL_CLASSES, 0, done);
            long t0 = System.nanoTime();
            if (learner.learn(examples).steps() != 1) {
                throw new IllegalStateException("expected exactly one step per timed call");
            }
            into[done++] = System.nanoTime() - t0;
        }
        return done;
    }

    private static void row(BenchReport report, String variant, Stats s, int buffer) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("variant", variant);
        cells.put("steps", s.count());
        cells.put("p10_ms", s.p10());
        cells.put("median_ms", s.median());
        cells.put("p90_ms", s.p90());
        cells.put("mean_ms", s.mean());
        cells.put("buffer", buffer);
        report.row(cells);
    }

    /** Counted retained size of a full 10k × 384 buffer, cross-checked with the heap growth it causes. */
    private static void measureMemory(BenchReport report) {
        long before = usedHeapAfterGc();
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, BUFFER, DIM, 1);
        SplitMix64 random = new SplitMix64(5);
        float[] v = new float[DIM];
        for (int i = 0; i < BUFFER; i++) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
            buffer.offer(UUID.randomUUID().toString(), v, i % CLASSES);
        }
        long after = usedHeapAfterGc();
        long counted = buffer.retainedBytes();
        Reference.reachabilityFence(buffer);
        long raw = (long) BUFFER * DIM * Float.BYTES;
        System.out.printf("replay buffer of %d x %d: counted %d bytes, heap delta %d bytes, raw floats %d bytes%n",
                BUFFER, DIM, counted, after - before, raw);
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("variant", "replay memory, 10,000 x 384-d (counted / heap delta / raw floats)");
        cells.put("bytes", counted + " / " + (after - before) + " / " + raw);
        report.row(cells);
        report.result("replay_memory_bytes", counted).result("replay_memory_heap_delta_bytes", after - before)
                .result("replay_memory_floor_ok", counted <= FLOOR_MEMORY_BYTES && after - before <= FLOOR_MEMORY_BYTES);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Percentiles and mean of nanosecond timings, in milliseconds. On shared, busy cores the p10 shows the
     * step's own cost, the median and p90 include waiting for a core.
     */
    record Stats(int count, double p10, double median, double p90, double mean) {
        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            return new Stats(sorted.length, percentile(sorted, 0.1), percentile(sorted, 0.5), percentile(sorted, 0.9), mean);
        }

        private static double percentile(long[] sorted, double q) {
            return sorted[(int) (sorted.length * q)] / 1e6;
        }
    }
}
