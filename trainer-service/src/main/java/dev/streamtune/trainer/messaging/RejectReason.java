package dev.streamtune.trainer.messaging;

/** Why a sample record went to the dead-letter topic; the wire value is the {@code streamtune.dlq.reason} header. */
public enum RejectReason {
    /** The value is not a sample JSON document. */
    MALFORMED("malformed"),
    /** The record key and the sample's model disagree. */
    KEY_MISMATCH("key-mismatch"),
    /** No spec is registered for the model. */
    UNKNOWN_MODEL("unknown-model"),
    /** Text for an image model, or the other way round, or neither. */
    WRONG_MODALITY("wrong-modality"),
    /** Missing or blank label. */
    EMPTY_LABEL("empty-label"),
    /** Label outside the model's closed label set. */
    LABEL_NOT_ALLOWED("label-not-allowed"),
    /** The input could not be turned into features (e.g. undecodable image). */
    BAD_INPUT("bad-input");

    private final String wire;

    RejectReason(String wire) {
        this.wire = wire;
    }

    /** The header value. */
    public String wire() {
        return wire;
    }
}
