package dev.streamtune.inference.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks each trainer instance for {@code GET /v1/training}, all at once and each with a time limit. A trainer that
 * is down, slow, answers an error status or an unreadable body becomes an {@link TrainerReport#unreachable} report
 * saying why; the returned stage never fails.
 */
public final class TrainerStatusClient {

    /** The trainer's {@code GET /v1/training} body (other fields are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstanceStatus(String device, Map<String, TrainingFigures> models) {}

    private final List<URI> trainers;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    /**
     * @param trainerUrls base URLs of the trainer instances (e.g. {@code http://127.0.0.1:8082})
     * @param timeout longest wait for one answer
     * @throws IllegalArgumentException for a URL that is not absolute http(s)
     */
    public TrainerStatusClient(List<String> trainerUrls, Duration timeout, ObjectMapper json) {
        this.trainers = trainerUrls.stream().map(TrainerStatusClient::baseUri).toList();
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** One report per trainer, in configuration order. */
    public CompletableFuture<List<TrainerReport>> fetchAll() {
        List<CompletableFuture<TrainerReport>> calls = trainers.stream().map(this::fetch).toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(done -> calls.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<TrainerReport> fetch(URI base) {
        String url = base.toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/training")).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> read(url, response))
                .exceptionally(failure -> TrainerReport.unreachable(url, why(failure)));
    }

    private TrainerReport read(String url, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return TrainerReport.unreachable(url, "GET /v1/training answered HTTP " + response.statusCode());
        }
        try {
            InstanceStatus status = json.readValue(response.body(), InstanceStatus.class);
            if (status == null || status.models() == null) {
                return TrainerReport.unreachable(url, "GET /v1/training answered without a 'models' object");
            }
            return TrainerReport.answered(url, status.device(), status.models());
        } catch (JsonProcessingException e) {
            return TrainerReport.unreachable(url, "GET /v1/training answered an unreadable body: " + e.getOriginalMessage());
        } catch (IOException e) {
            return TrainerReport.unreachable(url, "GET /v1/training answered an unreadable body: " + e.getMessage());
        }
    }

    private String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static URI baseUri(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inference.dashboard.trainer-urls: '" + url + "' is not a URL", e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("inference.dashboard.trainer-urls: '" + url + "' is not an http(s) URL with a host");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
