package dev.streamtune.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The single-sample endpoint's latency at a fixed request rate ({@link OpenLoopLatency}): a warm-up at the same
 * rate, then the measured period. Request {@code i} carries workload record {@code i} as JSON, so the workload
 * needs {@link #requestsNeeded} records (ids distinct from every other request of the run).
 */
final class SingleSampleLatency {

    /** Outstanding requests at most: 10 s of backlog at 200/s would be 2,000; this caps connections instead. */
    private static final int MAX_IN_FLIGHT = 64;

    private final IngestHttpClient client;
    private final IngestWorkload workload;
    private final double rate;

    SingleSampleLatency(IngestHttpClient client, IngestWorkload workload, double rate) {
        this.client = client;
        this.workload = workload;
        this.rate = rate;
    }

    /** Requests of a warm-up and a measured period at {@code rate}. */
    static int requestsNeeded(double rate, int warmupSeconds, int seconds) {
        return requests(rate, warmupSeconds) + requests(rate, seconds);
    }

    void measure(BenchReport report, int warmupSeconds, int seconds) throws InterruptedException {
        OpenLoopLatency loop = new OpenLoopLatency(rate, MAX_IN_FLIGHT, Duration.ofSeconds(60));
        if (warmupSeconds > 0) {
            OpenLoopLatency.Result w = loop.run(requests(rate, warmupSeconds), i -> send(i + requests(rate, seconds)));
            System.out.printf("warm-up: %,d single-sample requests, %d failed%n", w.latencyNanos().length, w.failures());
        }
        int count = requests(rate, seconds);
        OpenLoopLatency.Result r = loop.run(count, this::send);
        if (r.latencyNanos().length == 0) {
            throw new IllegalStateException("every single-sample request failed; first: " + r.firstFailure());
        }
        LatencyStats s = r.stats();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", "rest-single");
        row.put("records", count);
        row.put("rate/s", rate);
        row.put("p50 ms", s.percentileMillis(0.50));
        row.put("p90 ms", s.percentileMillis(0.90));
        row.put("p99 ms", s.percentileMillis(0.99));
        row.put("max ms", s.maxMillis());
        row.put("failed", r.failures());
        report.row(row);
        double p99 = s.percentileMillis(0.99);
        System.out.printf("single sample at %.0f/s for %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d failed,"
                        + " %d sends over 1 ms late (p99 floor <= %.0f ms: %s)%n",
                rate, seconds, s.percentileMillis(0.5), p99, s.maxMillis(), r.failures(), r.lateSendsOver1ms(),
                IngestBench.FLOOR_P99_MS, p99 <= IngestBench.FLOOR_P99_MS ? "met" : "MISSED");
        report.result("single_rate", rate)
                .result("single_p50_ms", s.percentileMillis(0.5))
                .result("single_p99_ms", p99)
                .result("single_max_ms", s.maxMillis())
                .result("single_failed", r.failures())
                .result("p99_floor_met", p99 <= IngestBench.FLOOR_P99_MS);
        if (r.failures() > 0) {
            System.out.println("first failure: " + r.firstFailure());
        }
    }

    private static int requests(double rate, int seconds) {
        return (int) Math.round(rate * seconds);
    }

    private CompletableFuture<Void> send(int i) {
        return client.postSample(workload.model(), workload.sampleJson(i % workload.size()));
    }
}
