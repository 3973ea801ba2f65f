package dev.streamtune.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends requests on a fixed schedule (open loop: request {@code i} is due at {@code start + i / rate}, whether or
 * not earlier ones have answered) and measures each latency from its <em>scheduled</em> time, so a stall
 * delays every request due during it and shows in the percentiles (no coordinated omission).
 *
 * <p>At most {@code maxInFlight} requests are outstanding: when a server falls far behind, later requests wait for
 * a slot (and that wait counts in their latency) instead of opening ever more connections.
 */
final class OpenLoopLatency {

    /** Latencies of the requests that succeeded, and the failures. */
    record Result(long[] latencyNanos, int failures, String firstFailure, long lateSendsOver1ms) {
        LatencyStats stats() {
            return new LatencyStats(latencyNanos);
        }
    }

    private final double ratePerSecond;
    private final int maxInFlight;
    private final Duration drainTimeout;

    /**
     * @param ratePerSecond requests per second
     * @param maxInFlight most requests outstanding at once
     * @param drainTimeout how long to wait for the last answers after the last send
     */
    OpenLoopLatency(double ratePerSecond, int maxInFlight, Duration drainTimeout) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1, got " + maxInFlight);
        }
        this.ratePerSecond = ratePerSecond;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Sends {@code count} requests. {@code send.apply(i)} starts request {@code i} without blocking; its future
     * completes normally on success, exceptionally on failure.
     */
    Result run(int count, IntFunction<? extends CompletableFuture<?>> send) throws InterruptedException {
        long[] latency = new long[count];
        boolean[] ok = new boolean[count];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        Semaphore slots = new Semaphore(maxInFlight);
        long periodNanos = Math.round(1e9 / ratePerSecond);
        long start = System.nanoTime();
        long late = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquire();
            if (System.nanoTime() - due > 1_000_000) {
                late++;
            }
            int index = i;
            CompletableFuture<?> f;
            try {
                f = send.apply(i);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            pending.add(f.whenComplete((answer, error) -> {
                long done = System.nanoTime();
                slots.release();
                if (error == null) {
                    latency[index] = done - due;
                    ok[index] = true;
                } else {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, "request " + index + ": " + error);
                }
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("requests still unanswered " + drainTimeout + " after the last send");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        long[] succeeded = new long[count - failures.get()];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (ok[i]) {
                succeeded[n++] = latency[i];
            }
        }
        return new Result(succeeded, failures.get(), firstFailure.get(), late);
    }
}
