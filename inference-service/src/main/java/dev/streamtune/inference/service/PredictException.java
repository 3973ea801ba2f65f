package dev.streamtune.inference.service;

/** A predict request this replica cannot answer, and why; the REST layer turns it into a problem response. */
public final class PredictException extends RuntimeException {

    /** The kinds of failure. */
    public enum Kind {
        /** No such model is registered. */
        UNKNOWN_MODEL,
        /** The model is registered but has no servable version. */
        NO_VERSION,
        /** A version exists and is being loaded. */
        LOADING,
        /** The input's modality is not the model's. */
        WRONG_MODALITY,
        /** The backbone cannot take the input (e.g. bytes that are not an image). */
        INPUT_REJECTED,
        /** Too many inputs are waiting for the backbone. */
        OVERLOADED
    }

    private final Kind kind;
    private final String field;

    public PredictException(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending request field, or {@code null}. */
    public String field() {
        return field;
    }
}
