package dev.streamtune.inference.swap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a published version is not served; the tag value of the refused-versions metric. */
public enum RefusalReason {
    /** The record is not a readable version envelope or its metadata is not valid JSON. */
    UNREADABLE,
    /** The artifact bytes do not match their published SHA-256. */
    CORRUPT,
    /** A signing key is configured and the version carries no signature. */
    UNSIGNED,
    /** The signature does not match the artifact bytes and the configured key. */
    BAD_SIGNATURE,
    /** Another backbone, tensor shapes that do not fit it, or a label map that contradicts the serving one. */
    INCOMPATIBLE,
    /** The backbone the version needs cannot be opened here. */
    BACKBONE_UNAVAILABLE,
    /** The warm-up prediction failed or produced invalid scores. */
    WARMUP_FAILED;

    /** The metric tag and JSON value, e.g. {@code bad-signature}. */
    @JsonValue
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
