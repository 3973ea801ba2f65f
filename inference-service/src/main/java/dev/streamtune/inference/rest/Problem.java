package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body ({@code application/problem+json}).
 *
 * @param type stable URI naming the kind of problem
 * @param title short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong in this request
 * @param field the offending request field (e.g. {@code inputs[3].text}), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://streamtune.dev/problems/";

    /** A problem whose type is {@code BASE + slug}. */
    public static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem(BASE + slug, title, status, detail, field);
    }
}
