package dev.streamtune.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the offending fields.
 *
 * @param type stable URI of the kind of problem
 * @param title short summary of the kind of problem
 * @param status HTTP status
 * @param detail what went wrong this time, for a human
 * @param errors the offending fields, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of {@code type} with the given detail and errors (empty errors are left out). */
    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
