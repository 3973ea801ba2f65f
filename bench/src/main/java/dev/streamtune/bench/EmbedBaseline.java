package dev.streamtune.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Bare backbone throughput: {@code threads} callers embedding batches of {@code batchSize} texts for a fixed time. */
final class EmbedBaseline {

    private EmbedBaseline() {}

    /** Texts embedded per wall second, and this JVM's CPU milliseconds per text. */
    record Result(double perSecond, double cpuMsPerText) {}

    /** One batch through the encoder under test. */
    @FunctionalInterface
    interface Encoder {
        float[][] embed(List<String> batch) throws Exception;
    }

    /** Measures {@code threads} callers embedding batches of {@code batchSize} for {@code duration}. */
    static Result measure(Encoder backbone, List<String> texts, int batchSize, int threads, Duration duration)
            throws InterruptedException {
        AtomicLong embedded = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        long start = System.nanoTime();
        double cpu = ProcessCpu.self();
        for (int t = 0; t < threads; t++) {
            int offset = t * batchSize;
            Thread caller = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    List<String> batch = new ArrayList<>(batchSize);
                    for (int j = 0; j < batchSize; j++) {
                        batch.add(texts.get(i++ % texts.size()));
                    }
                    try {
                        embedded.addAndGet(backbone.embed(batch).length);
                    } catch (Exception e) {
                        throw new IllegalStateException("the baseline encoder failed", e);
                    }
                }
            }, "embed-" + t);
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        double cpuSeconds = ProcessCpu.self() - cpu;
        return new Result(embedded.get() / ((System.nanoTime() - start) / 1e9), cpuSeconds * 1000 / embedded.get());
    }
}
