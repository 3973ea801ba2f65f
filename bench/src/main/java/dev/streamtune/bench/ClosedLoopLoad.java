package dev.streamtune.bench.serving;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} closed-loop HTTP clients, each posting one single-input body after the other over its own
 * keep-alive connection ({@link KeepAliveHttp}) for a fixed time.
 *
 * @param requests answered with 200
 * @param errors answered otherwise or failed
 * @param seconds measured wall time
 * @param latenciesMs sorted latencies of the 200 answers
 * @param firstError the first failure, or {@code null}
 */
public record LoadRun(long requests, long errors, double seconds, double[] latenciesMs, String firstError) {

    /** Runs the clients against {@code url}, cycling through {@code bodies}. */
    public static LoadRun run(String url, List<String> bodies, int clients, Duration duration) throws InterruptedException {
        URI target = URI.create(url);
        List<byte[]> payloads = bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
        ConcurrentLinkedQueue<double[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                List<Double> mine = new ArrayList<>();
                int i = offset;
                try (KeepAliveHttp http = new KeepAliveHttp(target)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            KeepAliveHttp.Response r = http.postJson(payloads.get(i++ % payloads.size()));
                            if (r.status() == 200) {
                                mine.add((System.nanoTime() - t0) / 1e6);
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
                latencies.add(mine.stream().mapToDouble(Double::doubleValue).toArray());
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] all = latencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new LoadRun(all.length, errors.get(), seconds, all, failures.peek());
    }

    /** Answered requests per second. */
    public double perSecond() {
        return requests / seconds;
    }

    /** The {@code q}-quantile latency (nearest rank), in ms. */
    public double percentileMs(double q) {
        if (latenciesMs.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * latenciesMs.length);
        return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, rank - 1))];
    }
}
