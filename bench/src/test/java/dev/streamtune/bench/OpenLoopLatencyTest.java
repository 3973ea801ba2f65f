package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenLoopLatencyTest {

    @Test
    void stallDelaysEveryRequestDueDuringIt() throws Exception {
        // A server that stalls for 200 ms on its first request and answers the ones queued behind it at its end.
        AtomicLong stallEnd = new AtomicLong();
        OpenLoopLatency loop = new OpenLoopLatency(1000, 1000, Duration.ofSeconds(10));
        OpenLoopLatency.Result r = loop.run(400, i -> {
            long now = System.nanoTime();
            stallEnd.compareAndSet(0, now + TimeUnit.MILLISECONDS.toNanos(200));
            long delay = Math.max(0, stallEnd.get() - now);
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS));
        });
        assertEquals(400, r.latencyNanos().length);
        assertEquals(0, r.failures());
        long over100ms = Arrays.stream(r.latencyNanos()).filter(n -> n >= 100_000_000L).count();
        // Requests 0..99 were due at least 100 ms before the stall ended; a closed loop would show one slow request.
        assertTrue(over100ms >= 95, "requests over 100 ms: " + over100ms);
        assertTrue(r.stats().maxMillis() >= 199, "max " + r.stats().maxMillis());
    }

    @Test
    void capsRequestsInFlightAndCountsTheWaitForASlot() throws Exception {
        // Each answer takes 50 ms; 5 slots allow 100 requests/s against a schedule of 1000/s.
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        OpenLoopLatency loop = new OpenLoopLatency(1000, 5, Duration.ofSeconds(10));
        OpenLoopLatency.Result r = loop.run(100, i -> {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.runAsync(inFlight::decrementAndGet,
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        });
        assertEquals(100, r.latencyNanos().length);
        assertTrue(maxSeen.get() <= 5, "in flight at most 5, saw " + maxSeen.get());
        // Request 99 was due at 99 ms and could not start before 19 rounds of 50 ms had finished.
        assertTrue(r.stats().maxMillis() >= 800, "max " + r.stats().maxMillis());
        assertTrue(r.lateSendsOver1ms() > 50, "late sends " + r.lateSendsOver1ms());
    }

    @Test
    void countsFailuresAndKeepsTheFirst() throws Exception {
        OpenLoopLatency loop = new OpenLoopLatency(2000, 10, Duration.ofSeconds(10));
        OpenLoopLatency.Result r = loop.run(10, i -> i % 2 == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("answered 503"))
                : CompletableFuture.completedFuture(null));
        assertEquals(5, r.failures());
        assertEquals(5, r.latencyNanos().length);
        assertTrue(r.firstFailure().startsWith("request 1: ") && r.firstFailure().contains("answered 503"),
                r.firstFailure());
    }

    @Test
    void rejectsNonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopLatency(0, 1, Duration.ofSeconds(1)));
    }

    @Test
    void nearestRankPercentiles() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[99 - i] = (i + 1) * 1_000_000L;
        }
        LatencyStats s = new LatencyStats(ms);
        assertEquals(50.0, s.percentileMillis(0.50));
        assertEquals(99.0, s.percentileMillis(0.99));
        assertEquals(100.0, s.maxMillis());
        assertEquals(1.0, s.percentileMillis(0.001));
        assertThrows(IllegalArgumentException.class, () -> new LatencyStats(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> s.percentileMillis(0));
    }
}
