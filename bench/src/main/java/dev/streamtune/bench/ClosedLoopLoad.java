package dev.streamtune.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * {@code clients} closed-loop HTTP clients, each posting one JSON body after the other over its own keep-alive
 * connection ({@link KeepAliveHttp}) for a fixed time.
 *
 * @param ok requests answered 200
 * @param errors requests answered otherwise or failed
 * @param seconds measured wall time
 * @param latencies latencies of the 200 answers, or {@code null} when there were none
 * @param firstError the first failure, or {@code null}
 */
record ClosedLoopLoad(long ok, long errors, double seconds, LatencyStats latencies, String firstError) {

    /** Runs the clients against {@code url}, cycling through {@code bodies}. */
    static ClosedLoopLoad run(URI url, List<String> bodies, int clients, Duration duration) throws InterruptedException {
        List<byte[]> payloads = bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
        ConcurrentLinkedQueue<long[]> perClient = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int offset = c;
            threads[c] = new Thread(() -> {
                LongStream.Builder mine = LongStream.builder();
                int i = offset;
                try (KeepAliveHttp http = new KeepAliveHttp(url)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            KeepAliveHttp.Response r = http.postJson(payloads.get(i++ % payloads.size()));
                            if (r.status() == 200) {
                                mine.add(System.nanoTime() - t0);
                            } else {
                                errors.incrementAndGet();
                                failures.add("HTTP " + r.status() + " " + r.body());
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            failures.add(e.toString());
                        }
                    }
                }
                perClient.add(mine.build().toArray());
            }, "client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(LongStream::of).toArray();
        return new ClosedLoopLoad(all.length, errors.get(), seconds, all.length == 0 ? null : new LatencyStats(all),
                failures.peek());
    }

    /** Answered requests per second. */
    double perSecond() {
        return ok / seconds;
    }

    /** The {@code q}-quantile latency in ms (NaN without answers). */
    double percentileMs(double q) {
        return latencies == null ? Double.NaN : latencies.percentileMillis(q);
    }
}
