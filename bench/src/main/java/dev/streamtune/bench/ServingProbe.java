package dev.streamtune.bench.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks an inference-service which version of a model it serves ({@code GET /v1/models/{model}}). */
public final class ServingProbe {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI uri;

    public ServingProbe(String baseUrl, String model) {
        this.uri = URI.create(baseUrl + "/v1/models/" + model);
    }

    /** The serving version, 0 when none (or the model is not known yet). */
    public long servingVersion() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return 0;
        }
        JsonNode v = json.readTree(r.body()).get("servingVersion");
        return v == null || v.isNull() ? 0 : v.asLong();
    }

    /** Polls until at least {@code version} is served. @throws IllegalStateException after {@code timeout} */
    public void awaitServing(long version, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (servingVersion() < version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("version " + version + " not served within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
