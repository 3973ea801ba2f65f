package dev.streamtune.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a model learns to do; decides which input modality its samples must carry. */
public enum Task {
    TEXT_CLASSIFICATION("text-classification", Modality.TEXT),
    IMAGE_CLASSIFICATION("image-classification", Modality.IMAGE);

    private final String id;
    private final Modality modality;

    Task(String id, Modality modality) {
        this.id = id;
        this.modality = modality;
    }

    /** The wire name, e.g. {@code text-classification}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The input modality samples for this task must carry. */
    public Modality modality() {
        return modality;
    }

    /** Parses a wire name; {@code null} when it is not a known task. */
    @JsonCreator
    public static Task fromId(String id) {
        for (Task t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
