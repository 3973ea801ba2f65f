package dev.streamtune.trainer.training;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Prepares the next polled batch ({@link BatchPreparer}: decode, validate, backbone features) on a background
 * thread while the training loop trains, publishes and commits the current one, so the embedding overlaps the
 * single-threaded head training and publishing. At most one batch is ahead. Used by the loop's thread only.
 */
final class PollAhead implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PollAhead.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training-prefetch");
        t.setDaemon(true);
        return t;
    });
    private Future<PreparedBatch> ahead;

    /** Starts preparing a batch in the background. */
    void start(Supplier<PreparedBatch> preparation) {
        if (ahead != null) {
            throw new IllegalStateException("a batch is already being prepared");
        }
        ahead = worker.submit(preparation::get);
    }

    /**
     * The batch prepared in the background (waiting for it), or {@code null} when none was started.
     *
     * @throws RuntimeException what the preparation threw
     */
    PreparedBatch take() {
        Future<PreparedBatch> f = ahead;
        if (f == null) {
            return null;
        }
        ahead = null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the prepared batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Forgets the batch ahead, if any (after a rebalance or rollback its records are read again). */
    void drop() {
        if (ahead != null) {
            ahead.cancel(false); // a running preparation finishes (native calls are not interrupted), unused
            ahead = null;
        }
    }

    /** Drops the batch ahead and waits for a running preparation to end (it may be using a backbone). */
    @Override
    public void close() {
        drop();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("batch preparation still running 30 s after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
