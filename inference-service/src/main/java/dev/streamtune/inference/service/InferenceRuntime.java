package dev.streamtune.inference.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.inference.batching.SharedBackbones;
import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.inference.config.SecurityMode;
import dev.streamtune.inference.swap.HeadLoader;
import dev.streamtune.kafka.common.NativeLz4;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Starts this replica's {@link ServingStack} with the application and closes it on shutdown. */
@ApplicationScoped
public class InferenceRuntime {

    private static final Logger LOG = Logger.getLogger(InferenceRuntime.class);
    private final InferenceConfig cfg;
    private final String bootstrap;
    private final ObjectMapper json;
    private final SharedBackbones backbones;
    private final SharedBaseEncoder baseEncoder;
    private final HeadLoader heads;
    private final InferenceMetrics metrics;
    private volatile ServingStack stack;

    public InferenceRuntime(InferenceConfig cfg, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            ObjectMapper json, MeterRegistry registry, SharedBackbones backbones, SharedBaseEncoder baseEncoder,
            HeadLoader heads) {
        this.cfg = cfg;
        this.bootstrap = bootstrap;
        this.json = json;
        this.backbones = backbones;
        this.baseEncoder = baseEncoder;
        this.heads = heads;
        this.metrics = new InferenceMetrics(registry);
    }

    void onStart(@Observes StartupEvent ev) {
        NativeLz4.enable(); // before the first compressed batch is read
        if (cfg.security().mode() == SecurityMode.KEYS && cfg.security().adminKey().isEmpty()) {
            LOG.warn("inference.security.admin-key is not set: pin and unpin answer 403 until it is");
        }
        if (cfg.signingKey().isEmpty()) {
            LOG.warn("inference.signing-key is not set: unsigned versions are served");
        }
        stack = new ServingStack(StackSettings.from(cfg), bootstrap, json, backbones, baseEncoder, heads, metrics);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (stack != null) {
            stack.close();
        }
    }

    /** The running stack. @throws IllegalStateException before startup finished */
    public ServingStack stack() {
        ServingStack s = stack;
        if (s == null) {
            throw new IllegalStateException("inference-service is still starting");
        }
        return s;
    }

    /** Whether the stack runs (for health checks; {@code false} while starting). */
    public boolean started() {
        return stack != null;
    }

    public InferenceMetrics metrics() {
        return metrics;
    }
}
