package dev.streamtune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of a running StreamTune stack's REST APIs, as a user would call them: register a model and send
 * samples at ingest, read training status at the trainer, predict and list versions at inference.
 */
public final class StackClient {

    /** One labeled text sample to send; {@code id} is the client's (re-sending the same id is deduplicated). */
    public record Sample(String id, String text, String label) {}

    /** One prediction and the version that made it. */
    public record Prediction(String label, long modelVersion) {}

    /** Predictions of a batch (in input order) and the version that made them. */
    public record Predictions(List<String> labels, long modelVersion) {}

    private static final String KEY_HEADER = "X-API-Key";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI ingest;
    private final URI trainer;
    private final URI inference;
    private final String adminKey;
    private final String producerKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public StackClient(URI ingest, URI trainer, URI inference, String adminKey, String producerKey) {
        this.ingest = ingest;
        this.trainer = trainer;
        this.inference = inference;
        this.adminKey = adminKey;
        this.producerKey = producerKey;
    }

    /** The model's spec as ingest's registry has it, or empty when no such model is registered. */
    public Optional<JsonNode> model(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = send(get(ingest, "/v1/models/" + name).header(KEY_HEADER, adminKey));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(r, 200));
    }

    /** Registers (or updates) a model; returns the spec the registry stored. */
    public JsonNode register(ObjectNode spec) throws IOException, InterruptedException {
        HttpResponse<String> r = send(post(ingest, "/v1/models", spec).header(KEY_HEADER, adminKey));
        return body(r, r.statusCode() == 200 ? 200 : 201);
    }

    /** Sends samples as one JSON batch; returns the ids from ingest's 202 answer, in order. */
    public List<String> send(String model, List<Sample> samples) throws IOException, InterruptedException {
        ArrayNode arr = json.createArrayNode();
        for (Sample s : samples) {
            ObjectNode o = arr.addObject();
            if (s.id() != null) {
                o.put("id", s.id());
            }
            o.put("text", s.text()).put("label", s.label());
        }
        ObjectNode req = json.createObjectNode();
        req.set("samples", arr);
        JsonNode accepted = body(send(post(ingest, "/v1/models/" + model + "/samples", req).header(KEY_HEADER, producerKey)), 202);
        List<String> ids = new ArrayList<>();
        accepted.get("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The trainer's status of the model, or empty when this trainer does not train it (yet). */
    public Optional<JsonNode> training(String model) throws IOException, InterruptedException {
        HttpResponse<String> r = send(get(trainer, "/v1/models/" + model + "/training"));
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(body(r, 200));
    }

    /** Inference's versions of the model ({@code servingVersion}, {@code versions}), or empty when it has none. */
    public Optional<JsonNode> versions(String model) throws IOException, InterruptedException {
        HttpResponse<String> r = send(get(inference, "/v1/models/" + model + "/versions"));
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(body(r, 200));
    }

    /**
     * Predicts one text; empty when inference has no answer now: unknown model (404), no servable version yet
     * (409), loading or overloaded (503).
     */
    public Optional<Prediction> predict(String model, String text) throws IOException, InterruptedException {
        ObjectNode req = json.createObjectNode().put("text", text);
        HttpResponse<String> r = send(post(inference, "/v1/models/" + model + "/predict", req));
        if (r.statusCode() == 404 || r.statusCode() == 409 || r.statusCode() == 503) {
            return Optional.empty();
        }
        JsonNode b = body(r, 200);
        return Optional.of(new Prediction(b.get("label").asText(), b.get("modelVersion").asLong()));
    }

    /** Predicts a batch of texts in one request (at most inference's {@code predict.max-inputs}). */
    public Predictions predictAll(String model, List<String> texts) throws IOException, InterruptedException {
        ObjectNode req = json.createObjectNode();
        ArrayNode inputs = req.putArray("inputs");
        texts.forEach(t -> inputs.addObject().put("text", t));
        JsonNode b = body(send(post(inference, "/v1/models/" + model + "/predict", req)), 200);
        List<String> labels = new ArrayList<>();
        b.get("predictions").forEach(p -> labels.add(p.get("label").asText()));
        return new Predictions(labels, b.get("modelVersion").asLong());
    }

    /** A metric from the trainer's {@code /q/metrics}, NaN when absent. */
    public double trainerMetric(String metric, String labelPart) throws IOException, InterruptedException {
        HttpResponse<String> r = send(get(trainer, "/q/metrics"));
        return PrometheusText.value(r.body(), metric, labelPart);
    }

    private HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
    }

    private HttpRequest.Builder post(URI base, String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> r, int expected) throws IOException {
        if (r.statusCode() != expected) {
            throw new IOException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + " (expected "
                    + expected + "): " + r.body());
        }
        return json.readTree(r.body());
    }
}
