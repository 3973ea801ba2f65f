package dev.streamtune.ingest.validation;

import dev.streamtune.contracts.SampleRecord;
import java.util.UUID;

/**
 * A sample that passed validation, as the client sent it.
 *
 * @param id the client's id, or {@code null} to have one chosen
 * @param text the text, or {@code null} for an image sample
 * @param image the base64 image exactly as sent, or {@code null} for a text sample
 * @param label the label
 * @param producedAt the client's epoch millis, or {@code null}
 */
public record SampleDraft(String id, String text, String image, String label, Long producedAt) {

    /** The record to put on the samples topic; chooses a random UUID when the client gave no id. */
    public SampleRecord toRecord(String model, long ingestedAt) {
        return new SampleRecord(id != null ? id : chooseId(), model, text, image, label,
                producedAt != null ? producedAt : ingestedAt, ingestedAt);
    }

    /** A new id for a sample the client sent without one: a random UUID. */
    public static String chooseId() {
        return UUID.randomUUID().toString();
    }
}
