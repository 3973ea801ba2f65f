package dev.streamtune.inference.rest;

import dev.streamtune.inference.service.PredictException;
import jakarta.ws.rs.core.Response;

/** The problems this service answers with, in one place so their types and titles stay stable. */
public final class Problems {

    private Problems() {}

    static Response response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** 400: the request body or a parameter is not acceptable. */
    public static ProblemException badInput(String field, String detail) {
        return new ProblemException(Problem.of("bad-input", "Invalid request", 400, detail, field));
    }

    /** 413: more inputs than allowed in one request. */
    public static ProblemException tooManyInputs(int count, int limit) {
        return new ProblemException(Problem.of("too-many-inputs", "Too many inputs", 413,
                count + " inputs in one request, at most " + limit + " are allowed (inference.predict.max-inputs)", "inputs"));
    }

    /** 401: no API key. */
    public static ProblemException unauthorized() {
        return new ProblemException(Problem.of("unauthorized", "API key required", 401,
                "this endpoint needs the admin key in header X-API-Key", "X-API-Key"));
    }

    /** 403: a key that is not the admin key, or no admin key configured. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Not allowed", 403, detail, "X-API-Key"));
    }

    /** 404: no such model. */
    public static ProblemException unknownModel(String model) {
        return new ProblemException(Problem.of("unknown-model", "Unknown model", 404,
                "model '" + model + "' is not registered", "model"));
    }

    /** 404: the version is not among those kept by this replica. */
    public static ProblemException unknownVersion(String detail) {
        return new ProblemException(Problem.of("unknown-version", "Unknown version", 404, detail, "version"));
    }

    /** 409: the version was refused and cannot be served. */
    public static ProblemException refusedVersion(String detail) {
        return new ProblemException(Problem.of("refused-version", "Version refused", 409, detail, "version"));
    }

    /** 503: Kafka did not take a write. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of("unavailable", "Temporarily unavailable", 503, detail, null));
    }

    /** The problem for a failed prediction. */
    public static Problem of(PredictException e) {
        return switch (e.kind()) {
            case UNKNOWN_MODEL -> Problem.of("unknown-model", "Unknown model", 404, e.getMessage(), e.field());
            case NO_VERSION -> Problem.of("no-version", "No servable version", 409, e.getMessage(), e.field());
            case LOADING -> Problem.of("loading", "Model loading", 503, e.getMessage(), e.field());
            case WRONG_MODALITY -> Problem.of("wrong-modality", "Wrong input modality", 400, e.getMessage(), e.field());
            case INPUT_REJECTED -> Problem.of("bad-input", "Invalid request", 400, e.getMessage(), e.field());
            case OVERLOADED -> Problem.of("overloaded", "Overloaded", 503, e.getMessage(), e.field());
        };
    }
}
