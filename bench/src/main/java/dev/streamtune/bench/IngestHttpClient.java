package dev.streamtune.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /** A keep-alive connection to {@code model}'s samples endpoint, for {@link #postNdjson}; one per thread. */
    KeepAliveHttp samplesConnection(String model) {
        return new KeepAliveHttp(base.resolve("/v1/models/" + model + "/samples"));
    }

    /**
     * Streams one NDJSON body (given as blocks) over {@code connection}; returns the service's {@code accepted}
     * count, read from the answer without parsing its id list.
     */
    int postNdjson(KeepAliveHttp connection, List<byte[]> blocks) throws IOException {
        KeepAliveHttp.Response res = connection.post("application/x-ndjson", Map.of(API_KEY, producerKey), blocks);
        if (res.status() != 202) {
            throw new IllegalStateException("NDJSON request answered " + res.status() + ": " + res.body());
        }
        try (JsonParser p = json.getFactory().createParser(res.body())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("accepted") && value == JsonToken.VALUE_NUMBER_INT) {
                        return p.getIntValue();
                    }
                    p.skipChildren();
                }
            }
        }
        throw new IllegalStateException("NDJSON answer has no integer 'accepted' field");
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
