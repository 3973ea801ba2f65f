package dev.streamtune.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own Prometheus metrics (at {@code /q/metrics}):
 * <ul>
 *   <li>{@code streamtune_ingest_samples_accepted_total{kind=single|batch|ndjson}}: samples written to Kafka;</li>
 *   <li>{@code streamtune_ingest_samples_rejected_total{reason}}: sample requests answered with an error, by
 *       problem type (one per request, however many samples it carried);</li>
 *   <li>{@code streamtune_ingest_produce_seconds{kind}}: from the first send of a request to Kafka's last
 *       acknowledgement (or commit);</li>
 *   <li>{@code streamtune_ingest_spec_registrations_total{outcome=created|updated}}.</li>
 * </ul>
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Timer> produced = new ConcurrentHashMap<>();
    private final Map<Boolean, Counter> registrations = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code count} samples of a request of {@code kind} were written. */
    public void accepted(String kind, int count) {
        accepted.computeIfAbsent(kind, k -> Counter.builder("streamtune.ingest.samples.accepted")
                .description("Samples written to Kafka").tag("kind", k).register(registry)).increment(count);
    }

    /** A sample request was rejected for {@code reason}. */
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("streamtune.ingest.samples.rejected")
                .description("Sample requests rejected, by reason").tag("reason", r).register(registry)).increment();
    }

    /** Kafka took {@code elapsed} to acknowledge a request of {@code kind}. */
    public void produced(String kind, Duration elapsed) {
        produced.computeIfAbsent(kind, k -> Timer.builder("streamtune.ingest.produce")
                .description("Time from first send to Kafka acknowledgement").tag("kind", k)
                .publishPercentileHistogram().register(registry)).record(elapsed);
    }

    /** A spec was registered ({@code created}) or updated. */
    public void registered(boolean created) {
        registrations.computeIfAbsent(created, c -> Counter.builder("streamtune.ingest.spec.registrations")
                .description("Model spec registrations").tag("outcome", c ? "created" : "updated").register(registry))
                .increment();
    }
}
