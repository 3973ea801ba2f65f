package dev.streamtune.inference.swap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request's hold on a {@link LoadedModel}: the model stays open until the lease is closed. Closing twice is
 * harmless, so it may be closed both on success and on failure paths.
 */
public final class ModelLease implements AutoCloseable {

    private final LoadedModel model;
    private final AtomicBoolean open = new AtomicBoolean(true);

    ModelLease(LoadedModel model) {
        this.model = model;
    }

    /** The leased model. */
    public LoadedModel model() {
        return model;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            model.release();
        }
    }
}
