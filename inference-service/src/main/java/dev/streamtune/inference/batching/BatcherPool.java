package dev.streamtune.inference.batching;

import dev.streamtune.core.backbone.Backbone;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/** One {@link DynamicBatcher} per backbone, made on first need (by the loader) and closed together. */
public final class BatcherPool implements AutoCloseable {

    private final BatchSettings settings;
    private final IntConsumer batchSizes;
    private final Map<String, DynamicBatcher> batchers = new HashMap<>();

    public BatcherPool(BatchSettings settings, IntConsumer batchSizes) {
        this.settings = settings;
        this.batchSizes = batchSizes;
    }

    /** The batcher of {@code backbone}'s backbone. */
    public synchronized DynamicBatcher of(SharedBackbones.Opened backbone) {
        return batchers.computeIfAbsent(backbone.backbone().info().id(),
                id -> new DynamicBatcher(backbone.backbone(), settings, batchSizes));
    }

    /**
     * A batcher of its own for {@code backbone} (not kept in the pool): for a model version whose encoder is its
     * own ({@code fine-tune}/{@code lora}); the caller closes it with that version.
     */
    public DynamicBatcher dedicated(Backbone<?> backbone) {
        return new DynamicBatcher(backbone, settings, batchSizes);
    }

    @Override
    public synchronized void close() {
        batchers.values().forEach(DynamicBatcher::close);
        batchers.clear();
    }
}
