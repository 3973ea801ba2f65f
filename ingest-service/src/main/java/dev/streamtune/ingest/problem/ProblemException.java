package dev.streamtune.ingest.problem;

import java.util.List;
import java.util.OptionalInt;

/** Thrown anywhere in a request to answer with a problem document. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final ProblemType type;
    private final Integer retryAfterSeconds;

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, Integer retryAfterSeconds,
            Throwable cause) {
        super(type.slug() + ": " + detail, cause, false, false);
        this.type = type;
        this.problem = Problem.of(type, detail, errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A problem without field errors. */
    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of(), null, null);
    }

    /** A problem listing offending fields. */
    public static ProblemException withErrors(ProblemType type, String detail, List<FieldError> errors) {
        return new ProblemException(type, detail, errors, null, null);
    }

    /** A 503-type problem telling the client when to retry. */
    public static ProblemException retryLater(ProblemType type, String detail, int retryAfterSeconds, Throwable cause) {
        return new ProblemException(type, detail, List.of(), retryAfterSeconds, cause);
    }

    /** The document to send. */
    public Problem problem() {
        return problem;
    }

    /** The kind of problem. */
    public ProblemType type() {
        return type;
    }

    /** Seconds for the {@code Retry-After} header, if any. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }
}
