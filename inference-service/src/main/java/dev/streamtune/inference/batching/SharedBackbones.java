package dev.streamtune.inference.batching;

import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The backbones of this JVM, one instance per backbone reference whatever number of models and versions use it
 * (one MiniLM per JVM). Opened on first need, from the loader thread, never on a request path; each is probed
 * once with a fixed warm-up input whose features are kept for the warm-up predictions of new versions.
 */
public final class SharedBackbones implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedBackbones.class);

    /** An opened backbone and its features of the warm-up input. */
    public record Opened(Backbone<?> backbone, float[] warmUpFeatures) {}

    private final BackboneRegistry registry;
    private final Map<String, Opened> open = new HashMap<>();

    public SharedBackbones(BackboneRegistry registry) {
        this.registry = registry;
    }

    /**
     * The backbone {@code reference} reading {@code modality}, opened now if this is its first use.
     *
     * @throws IllegalArgumentException for an unknown reference or another modality
     * @throws RuntimeException (e.g. model-core's {@code BackboneLoadException}) when it cannot be opened
     */
    public synchronized Opened get(String reference, Modality modality) {
        Opened known = open.get(reference);
        if (known != null) {
            if (known.backbone().info().modality() != modality) {
                throw new IllegalArgumentException("backbone " + reference + " reads " + known.backbone().info().modality()
                        + " inputs, not " + modality);
            }
            return known;
        }
        long start = System.nanoTime();
        Backbone<?> backbone = registry.open(reference, modality);
        float[] probe;
        try {
            probe = embedOne(backbone, WarmUpInputs.of(modality));
        } catch (RuntimeException e) {
            backbone.close();
            throw e;
        }
        Opened opened = new Opened(backbone, probe);
        open.put(reference, opened);
        LOG.infof("backbone %s opened in %d ms: %s", reference, (System.nanoTime() - start) / 1_000_000, backbone.info());
        return opened;
    }

    @SuppressWarnings("unchecked")
    private static float[] embedOne(Backbone<?> backbone, Object input) {
        return ((Backbone<Object>) backbone).embed(List.of(input))[0];
    }

    /** Closes every backbone; call after the batchers that use them are closed. */
    @Override
    public synchronized void close() {
        open.values().forEach(o -> o.backbone().close());
        open.clear();
    }
}
