package dev.streamtune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks an inference-service which version of a model it serves, and for its metrics. */
final class ServingProbe {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String model;

    ServingProbe(URI base, String model) {
        this.base = base;
        this.model = model;
    }

    /** The serving version ({@code GET /v1/models/{model}}), 0 when none or while the model is not known yet. */
    long servingVersion() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/v1/models/" + model);
        if (r.statusCode() != 200) {
            return 0;
        }
        JsonNode v = json.readTree(r.body()).get("servingVersion");
        return v == null || v.isNull() ? 0 : v.asLong();
    }

    /** Polls until at least {@code version} is served. @throws IllegalStateException after {@code timeout} */
    void awaitServing(long version, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (servingVersion() < version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("version " + version + " of " + model + " not served within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** The Prometheus exposition of {@code /q/metrics}. */
    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/q/metrics");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/q/metrics answered " + r.statusCode());
        }
        return r.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
