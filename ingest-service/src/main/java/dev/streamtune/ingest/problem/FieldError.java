package dev.streamtune.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: which field, where (batch index or NDJSON line), and why.
 *
 * @param field the field name, e.g. {@code label} or {@code replay.capacity}; {@code $} means the entry as a whole
 * @param index 0-based position in a JSON batch, or {@code null}
 * @param line 1-based line of an NDJSON body, or {@code null}
 * @param reason what is wrong, for a human
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Integer index, Integer line, String reason) {

    /** Field name meaning "the whole entry". */
    public static final String WHOLE_ENTRY = "$";

    /** An error not tied to a batch position. */
    public static FieldError of(String field, String reason) {
        return new FieldError(field, null, null, reason);
    }
}
