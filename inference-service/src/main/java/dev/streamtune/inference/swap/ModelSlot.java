package dev.streamtune.inference.swap;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving version of one model behind an {@link AtomicReference}: requests lease the current version, the
 * loader swaps a new one in atomically, and the old one closes once its last lease ends.
 */
public final class ModelSlot {

    private final AtomicReference<LoadedModel> current = new AtomicReference<>();

    /** A lease on the current version, or {@code null} when none is loaded. */
    public ModelLease lease() {
        while (true) {
            LoadedModel m = current.get();
            if (m == null) {
                return null;
            }
            if (m.tryAcquire()) {
                return new ModelLease(m);
            }
            // m was swapped out and closed between get and acquire: the slot already holds its successor
        }
    }

    /** The current version without leasing it (for status pages; do not predict with it). */
    public LoadedModel peek() {
        return current.get();
    }

    /** Makes {@code next} current and drops the slot's reference to the previous version. */
    public void swap(LoadedModel next) {
        LoadedModel old = current.getAndSet(next);
        if (old != null) {
            old.release();
        }
    }

    /** Empties the slot (shutdown); the last version closes after its in-flight requests. */
    public void clear() {
        swap(null);
    }
}
