package dev.streamtune.ingest.validation;

import dev.streamtune.ingest.problem.FieldError;

/**
 * Where an entry sits in its request, so its errors can say so: a single sample (neither), a JSON batch entry
 * (index) or an NDJSON line (line).
 *
 * @param index 0-based batch index, or {@code null}
 * @param line 1-based NDJSON line, or {@code null}
 */
public record EntryRef(Integer index, Integer line) {

    /** The one sample of a single-sample request. */
    public static final EntryRef SINGLE = new EntryRef(null, null);

    /** Entry {@code index} of a JSON batch. */
    public static EntryRef index(int index) {
        return new EntryRef(index, null);
    }

    /** Line {@code line} of an NDJSON body. */
    public static EntryRef line(int line) {
        return new EntryRef(null, line);
    }

    /** An error about {@code field} of this entry. */
    public FieldError error(String field, String reason) {
        return new FieldError(field, index, line, reason);
    }
}
