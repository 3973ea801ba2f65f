package dev.streamtune.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a pretrained backbone is reused: frozen feature extractor, partly unfrozen, or low-rank adapters. */
public enum Strategy {
    FEATURE_EXTRACTION("feature-extraction"),
    FINE_TUNE("fine-tune"),
    LORA("lora");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    /** The wire name, e.g. {@code feature-extraction}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a wire name; {@code null} when it is not a known strategy. */
    @JsonCreator
    public static Strategy fromId(String id) {
        for (Strategy s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }
}
