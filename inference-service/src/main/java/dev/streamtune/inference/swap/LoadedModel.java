package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.batching.DynamicBatcher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One version of one model, ready to serve: its metadata, its head and the batcher of the (shared) backbone that
 * feeds it. Immutable except for its reference count, which works like djl-serving's: the {@link ModelSlot}
 * holds one reference while the version is current and every in-flight request holds one; the head is closed
 * when the count drops to zero, so a swapped-out version finishes the requests it already accepted.
 */
public final class LoadedModel {

    private final VersionInfo info;
    private final ModelHead head;
    private final DynamicBatcher batcher;
    private final long loadedAt;
    private final AtomicInteger references = new AtomicInteger(1);

    /** A model holding one reference, its slot's; {@code loadedAt} is epoch millis. */
    public LoadedModel(VersionInfo info, ModelHead head, DynamicBatcher batcher, long loadedAt) {
        this.info = info;
        this.head = head;
        this.batcher = batcher;
        this.loadedAt = loadedAt;
    }

    public VersionInfo info() {
        return info;
    }

    public ModelHead head() {
        return head;
    }

    /** The batcher of the backbone that feeds this head. */
    public DynamicBatcher batcher() {
        return batcher;
    }

    /** Epoch millis when this version was swapped in. */
    public long loadedAt() {
        return loadedAt;
    }

    /** Takes a reference unless the model is already closed. */
    boolean tryAcquire() {
        while (true) {
            int n = references.get();
            if (n <= 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the head. */
    void release() {
        int n = references.decrementAndGet();
        if (n == 0) {
            head.close();
        } else if (n < 0) {
            throw new IllegalStateException("model " + info.key() + " released more often than acquired");
        }
    }

    /** Whether the head has been closed (no slot and no request holds it any more). */
    public boolean closed() {
        return references.get() <= 0;
    }

    /** References held now: 1 for the slot while current, plus one per in-flight request. */
    int references() {
        return references.get();
    }
}
