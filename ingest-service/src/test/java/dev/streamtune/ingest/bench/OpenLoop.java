package dev.streamtune.ingest.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Fires requests at a fixed rate whatever the answers do (open loop), like independent producers would, and
 * records each latency from the request's due time.
 */
final class OpenLoop {

    private OpenLoop() {}

    /**
     * Runs {@code request} {@code rate} times a second for {@code seconds}; {@code request} returns a future that
     * completes when the request is answered (exceptionally when it failed).
     */
    static LatencyStats run(String name, int rate, double seconds, Supplier<CompletableFuture<?>> request) {
        int total = (int) Math.round(rate * seconds);
        long periodNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            CompletableFuture<Object> done = new CompletableFuture<>();
            all[i] = done;
            clock.schedule(() -> request.get().whenComplete((ok, failure) -> {
                if (failure == null) {
                    latencies.add(System.nanoTime() - due);
                } else {
                    errors.incrementAndGet();
                }
                done.complete(null);
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(all).join();
        clock.shutdown();
        return new LatencyStats(name, latencies.stream().mapToLong(Long::longValue).toArray(), errors.get(), seconds);
    }

    /** Runs a blocking call as an asynchronous request on {@code workers}. */
    static Supplier<CompletableFuture<?>> blocking(ExecutorService workers, Runnable call) {
        return () -> CompletableFuture.runAsync(call, workers);
    }

    /** A pool big enough that requests never wait for a thread at the rates measured. */
    static ExecutorService workers() {
        return Executors.newFixedThreadPool(64);
    }
}
