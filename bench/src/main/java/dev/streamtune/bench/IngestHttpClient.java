package dev.streamtune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The ingest service's REST API as the benchmark uses it ({@code java.net.http}, HTTP/1.1). */
final class IngestHttpClient {

    private static final String API_KEY = "X-API-Key";

    private final URI base;
    private final String adminKey;
    private final String producerKey;
    private final HttpClient http;
    private final ObjectMapper json;

    IngestHttpClient(URI base, String adminKey, String producerKey, ObjectMapper json) {
        this.base = base;
        this.adminKey = adminKey;
        this.producerKey = producerKey;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Registers (or updates) a text-classification model with an open label set. */
    void registerTextModel(String name) throws IOException, InterruptedException {
        byte[] body = json.writeValueAsBytes(Map.of("name", name, "task", "text-classification"));
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(API_KEY, adminKey)
                .POST(BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> res = http.send(req, BodyHandlers.ofString());
        if (res.statusCode() != 200 && res.statusCode() != 201) {
            throw new IllegalStateException("registering model " + name + " answered " + res.statusCode() + ": "
                    + res.body());
        }
    }

    /**
     * Posts one NDJSON body, streamed block by block (chunked transfer encoding), and completes with the
     * {@code accepted} count of the 202 answer; any other answer completes exceptionally with its body.
     */
    CompletableFuture<Integer> postNdjson(String model, List<byte[]> blocks) {
        HttpRequest req = samplesRequest(model, "application/x-ndjson", BodyPublishers.ofByteArrays(blocks),
                Duration.ofMinutes(10));
        return http.sendAsync(req, BodyHandlers.ofByteArray()).thenApply(res -> {
            if (res.statusCode() != 202) {
                throw new IllegalStateException("NDJSON request answered " + res.statusCode() + ": "
                        + new String(res.body(), StandardCharsets.UTF_8));
            }
            try {
                JsonNode accepted = json.readTree(res.body()).get("accepted");
                if (accepted == null || !accepted.canConvertToInt()) {
                    throw new IllegalStateException("NDJSON answer has no integer 'accepted' field");
                }
                return accepted.intValue();
            } catch (IOException e) {
                throw new UncheckedIOException("NDJSON answer is not JSON", e);
            }
        });
    }

    /** Posts one sample ({@code body} is its JSON); completes normally on 202, else exceptionally with the answer. */
    CompletableFuture<Void> postSample(String model, byte[] body) {
        HttpRequest req = samplesRequest(model, "application/json", BodyPublishers.ofByteArray(body),
                Duration.ofSeconds(30));
        return http.sendAsync(req, BodyHandlers.ofString()).thenAccept(res -> {
            if (res.statusCode() != 202) {
                throw new IllegalStateException("sample request answered " + res.statusCode() + ": " + res.body());
            }
        });
    }

    private HttpRequest samplesRequest(String model, String contentType, HttpRequest.BodyPublisher body,
                                       Duration timeout) {
        return HttpRequest.newBuilder(base.resolve("/v1/models/" + model + "/samples"))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header(API_KEY, producerKey)
                .POST(body)
                .build();
    }
}
