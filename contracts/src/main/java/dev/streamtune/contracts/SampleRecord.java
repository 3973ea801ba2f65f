package dev.streamtune.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One labeled example as it travels on the {@code samples} topic, keyed by {@link #model()}.
 *
 * <p>Exactly one of {@link #text()} and {@link #image()} is set. {@code image} is the base64 of the PNG/JPEG
 * bytes as the producer sent them.
 *
 * @param id sample id: the producer's own, or a UUID chosen at ingest; deduplication key per model
 * @param model model name
 * @param text text input, or {@code null}
 * @param image base64 image bytes, or {@code null}
 * @param label the label
 * @param producedAt epoch millis when the producer sent it (or when ingest accepted it)
 * @param ingestedAt epoch millis when ingest accepted it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleRecord(
        String id, String model, String text, String image, String label, long producedAt, long ingestedAt) {

    /** The modality this sample carries, or {@code null} if it carries none or both. */
    public Modality modality() {
        if (text != null && image == null) {
            return Modality.TEXT;
        }
        if (image != null && text == null) {
            return Modality.IMAGE;
        }
        return null;
    }
}
