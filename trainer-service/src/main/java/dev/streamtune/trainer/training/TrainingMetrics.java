package dev.streamtune.trainer.training;

import dev.streamtune.trainer.messaging.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The trainer's Prometheus figures (prefix {@code streamtune_trainer_}), tagged by model where it makes sense. */
public final class TrainingMetrics {

    private final MeterRegistry registry;
    private final Timer commitTime;
    private final Counter loopFailures;

    public TrainingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commitTime = Timer.builder("streamtune.trainer.commit").description("checkpoint + offsets transaction commit time")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.loopFailures = Counter.builder("streamtune.trainer.loop.failures").register(registry);
    }

    /** {@code n} samples of {@code model} trained in {@code nanos}. */
    public void trained(String model, int n, long nanos) {
        registry.counter("streamtune.trainer.samples.trained", "model", model).increment(n);
        registry.timer("streamtune.trainer.train.batch", "model", model).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A record went to the dead-letter topic. */
    public void deadLettered(RejectReason reason, String model) {
        registry.counter("streamtune.trainer.samples.deadlettered", "reason", reason.wire()).increment();
    }

    /** A producer retry was skipped. */
    public void duplicate(String model) {
        registry.counter("streamtune.trainer.samples.duplicates", "model", model).increment();
    }

    /** The forgetting gate refused a candidate. */
    public void candidateRejected(String model) {
        registry.counter("streamtune.trainer.candidates.rejected", "model", model).increment();
    }

    /** A version was committed {@code latencyNanos} after its candidate was ready. */
    public void published(String model, long latencyNanos, double accuracy) {
        registry.counter("streamtune.trainer.versions.published", "model", model).increment();
        Timer.builder("streamtune.trainer.publish.latency").tag("model", model).publishPercentiles(0.5, 0.99)
                .register(registry).record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    /** A transaction committed in {@code nanos}. */
    public void committed(long nanos) {
        commitTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The loop died. */
    public void loopFailed() {
        loopFailures.increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
