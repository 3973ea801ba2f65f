package dev.streamtune.ingest.bench;

import static dev.streamtune.ingest.IngestTestSupport.PRODUCER_KEY;
import static dev.streamtune.ingest.IngestTestSupport.registerTextModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.ingest.messaging.Deadline;
import dev.streamtune.ingest.messaging.ResilientProducer;
import dev.streamtune.ingest.messaging.TransactionalProducerPool;
import dev.streamtune.ingest.service.SampleWriter;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Which producer should carry a single sample? Measures, in one run on one broker, the p99 latency of writing one
 * sample at a fixed rate (default 200/s) with the shared idempotent producer and with a pooled transactional
 * producer (begin, send, commit), then the service's real single-sample HTTP path end to end.
 *
 * <p>Not part of the normal test run (the class name does not end in Test). Run it with
 * {@code ./mvnw -B -pl ingest-service -am test -Dtest=SingleSampleLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * and optionally {@code -Dbench.rate=200 -Dbench.seconds=20}; results go to the test output and to
 * {@code ingest-service/target/bench/single-sample-latency.json}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SingleSampleLatencyBench {

    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final double SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final double WARMUP_SECONDS = 5;

    @Inject
    ResilientProducer idempotent;

    @Inject
    TransactionalProducerPool transactional;

    @Inject
    SampleWriter writer;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureSingleSampleLatency() throws Exception {
        String model = registerTextModel("bench");
        AtomicLong seq = new AtomicLong();
        Supplier<ProducerRecord<String, byte[]>> record = () -> writer.toKafka(new SampleRecord("b-" + seq.incrementAndGet(),
                model, "the quick brown fox jumps over the lazy dog", null, "animal", System.currentTimeMillis(),
                System.currentTimeMillis()));
        ExecutorService workers = OpenLoop.workers();
        Supplier<CompletableFuture<?>> viaIdempotent = OpenLoop.blocking(workers,
                () -> idempotent.sendAll(List.of(record.get()), Deadline.in(Duration.ofSeconds(5))));
        Supplier<CompletableFuture<?>> viaTransaction = OpenLoop.blocking(workers, () -> {
            try (TransactionalProducerPool.Transaction tx = transactional.begin(Deadline.in(Duration.ofSeconds(5)))) {
                tx.send(record.get());
                tx.commit();
            }
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers).build();
        URI samples = URI.create(base + "v1/models/" + model + "/samples");
        Supplier<CompletableFuture<?>> viaHttp = () -> http.sendAsync(HttpRequest.newBuilder(samples)
                        .header("Content-Type", "application/json").header("X-API-Key", PRODUCER_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"text\":\"the quick brown fox " + seq.incrementAndGet() + "\",\"label\":\"animal\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                    return r;
                });

        List<LatencyStats> runs = List.of(
                measure("kafka idempotent producer", viaIdempotent),
                measure("kafka transaction per sample", viaTransaction),
                measure("HTTP POST single sample (service)", viaHttp));
        workers.shutdown();
        report(runs);
    }

    private static LatencyStats measure(String name, Supplier<CompletableFuture<?>> request) throws Exception {
        OpenLoop.run(name + " (warm-up)", RATE, WARMUP_SECONDS, request);
        return OpenLoop.run(name, RATE, SECONDS, request);
    }

    private static void report(List<LatencyStats> runs) throws Exception {
        double idempotentP99 = runs.get(0).percentileMillis(99);
        double transactionalP99 = runs.get(1).percentileMillis(99);
        double httpP99 = runs.get(2).percentileMillis(99);
        StringBuilder table = new StringBuilder(String.format("%nsingle-sample latency, open loop at %d/s for %.0f s%n",
                RATE, SECONDS));
        for (LatencyStats s : runs) {
            table.append(s.row()).append('\n');
        }
        String result = String.format("RESULT ingest-single-sample-latency rate=%d idempotent_p99_ms=%.2f "
                + "transactional_p99_ms=%.2f transactional_vs_idempotent_p99=%.2f http_p99_ms=%.2f",
                RATE, idempotentP99, transactionalP99, transactionalP99 / idempotentP99, httpP99);
        System.out.println(table + result);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate_per_s", RATE);
        json.put("seconds", SECONDS);
        json.put("runs", runs.stream().map(LatencyStats::row).toList());
        json.put("result", result);
        Path out = Path.of("target/bench/single-sample-latency.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
