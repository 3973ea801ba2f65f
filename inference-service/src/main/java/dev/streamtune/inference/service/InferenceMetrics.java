package dev.streamtune.inference.service;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.Refusal;
import dev.streamtune.inference.swap.SwapEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The service's Prometheus metrics, and the log lines of swaps and refusals: request latency (histogram), batch
 * sizes, swaps, refused versions by reason, and per model the serving version and its age.
 */
public final class InferenceMetrics implements SwapEvents {

    private static final Logger LOG = Logger.getLogger(InferenceMetrics.class);
    /** Prefix of every metric name. */
    public static final String PREFIX = "streamtune.inference.";

    private final MeterRegistry registry;
    private final DistributionSummary batchSizes;
    private final Map<String, AtomicReference<VersionInfo>> serving = new ConcurrentHashMap<>();
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSizes = DistributionSummary.builder(PREFIX + "batch.size")
                .description("Inputs per backbone call (dynamic batching)")
                .publishPercentileHistogram().register(registry);
    }

    /** One backbone call of {@code size} inputs. */
    public void batchSize(int size) {
        batchSizes.record(size);
    }

    /** A finished predict request for {@code model} ("unknown" for unregistered names) with its HTTP status. */
    public void request(String model, int status, long nanos) {
        String outcome = status < 400 ? "success" : status < 500 ? "client-error" : "server-error";
        requestTimers.computeIfAbsent(model + '\n' + outcome, k -> Timer.builder(PREFIX + "request")
                        .description("Predict request latency")
                        .tag("model", model).tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void swapped(String model, LoadedModel next, LoadedModel previous, long loadMillis) {
        Counter.builder(PREFIX + "swaps").description("Versions swapped in").tag("model", model).register(registry).increment();
        servingRef(model).set(next.info());
        LOG.infof("model %s: now serving version %d (was %s), loaded in %d ms", model, next.info().version(),
                previous == null ? "none" : Long.toString(previous.info().version()), loadMillis);
    }

    @Override
    public void refused(String model, Refusal r) {
        Counter.builder(PREFIX + "versions.refused").description("Published versions not served, by reason")
                .tag("model", model).tag("reason", r.reason().tag()).register(registry).increment();
        LOG.warnf("model %s: version %d refused (%s): %s", model, r.version(), r.reason().tag(), r.detail());
    }

    private AtomicReference<VersionInfo> servingRef(String model) {
        return serving.computeIfAbsent(model, m -> {
            AtomicReference<VersionInfo> ref = new AtomicReference<>();
            Gauge.builder(PREFIX + "serving.version", ref, r -> r.get() == null ? Double.NaN : r.get().version())
                    .description("Version number being served").tag("model", m).register(registry);
            Gauge.builder(PREFIX + "version.age.seconds", ref,
                            r -> r.get() == null ? Double.NaN : (System.currentTimeMillis() - r.get().createdAt()) / 1000.0)
                    .description("Seconds since the serving version was published").tag("model", m).register(registry);
            return ref;
        });
    }
}
