package dev.streamtune.ingest.problem;

/**
 * Every kind of error the ingest API answers, each with a stable {@code type} URI (clients may switch on it),
 * a short title and an HTTP status.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    INVALID_SAMPLES("invalid-samples", "Invalid samples", 400),
    INVALID_MODEL_SPEC("invalid-model-spec", "Invalid model spec", 400),
    BODY_READ_FAILED("body-read-failed", "Request body could not be read", 400),
    UNAUTHORIZED("unauthorized", "Missing or unknown API key", 401),
    FORBIDDEN("forbidden", "API key not allowed here", 403),
    UNKNOWN_MODEL("unknown-model", "Unknown model", 404),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    TASK_CONFLICT("task-conflict", "A model's task cannot change", 409),
    STRATEGY_CONFLICT("strategy-conflict", "What a text model trains cannot change", 409),
    REQUEST_TOO_LARGE("request-too-large", "Request too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    KAFKA_UNAVAILABLE("kafka-unavailable", "Kafka unavailable", 503),
    REGISTRY_NOT_READY("registry-not-ready", "Model registry not ready", 503);

    /** Base of every problem type URI. */
    public static final String BASE_URI = "https://streamtune.dev/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The stable URI, e.g. {@code https://streamtune.dev/problems/invalid-samples}. */
    public String uri() {
        return BASE_URI + slug;
    }

    /** The last part of the URI, used as a metrics tag. */
    public String slug() {
        return slug;
    }

    /** Short human summary, the same for every occurrence. */
    public String title() {
        return title;
    }

    /** HTTP status code. */
    public int status() {
        return status;
    }
}
