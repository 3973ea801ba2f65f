package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.ingest.problem.FieldError;
import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import dev.streamtune.ingest.validation.FlatSampleParser;
import dev.streamtune.ingest.validation.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads request bodies within their size limits, answering 413 past the limit and 400 for malformed JSON. */
@ApplicationScoped
public class RequestBodies {

    private final StrictJson json;
    private final FlatSampleParser flat;

    public RequestBodies(ObjectMapper mapper) {
        this.json = new StrictJson(mapper);
        this.flat = new FlatSampleParser(mapper.getFactory());
    }

    /** The streaming reader of plain sample lines (the fast path; {@link #json()} is the full one). */
    public FlatSampleParser flat() {
        return flat;
    }

    /** The JSON parser requests use. */
    public StrictJson json() {
        return json;
    }

    /**
     * The body as a stream that fails past {@code limit} bytes; answers 413 at once when the declared
     * {@code Content-Length} is already over it.
     *
     * @param hint appended to the 413 detail: what to do instead
     */
    public LimitedInputStream limit(InputStream body, Long contentLength, long limit, String hint) {
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(limit, hint);
        }
        return new LimitedInputStream(body, limit);
    }

    /** Parses a whole JSON body of at most {@code limit} bytes. */
    public JsonNode readJson(InputStream body, Long contentLength, long limit, String hint) {
        JsonNode node;
        try {
            node = json.parse(limit(body, contentLength, limit, hint));
        } catch (BodyTooLargeException e) {
            throw tooLarge(limit, hint);
        } catch (JsonProcessingException e) {
            throw ProblemException.withErrors(ProblemType.MALFORMED_JSON, "The body is not valid JSON.",
                    List.of(FieldError.of(FieldError.WHOLE_ENTRY, StrictJson.describe(e))));
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (node == null || node.isMissingNode()) {
            throw ProblemException.withErrors(ProblemType.MALFORMED_JSON, "The body is empty.",
                    List.of(FieldError.of(FieldError.WHOLE_ENTRY, "expected a JSON object")));
        }
        return node;
    }

    /** 413: the body is larger than {@code limit}. */
    public static ProblemException tooLarge(long limit, String hint) {
        return ProblemException.of(ProblemType.REQUEST_TOO_LARGE,
                "The body is larger than the limit of " + limit + " bytes" + hint);
    }

    /** 400: the body could not be read (the client went away, or sent a broken chunked body). */
    public static ProblemException unreadable(IOException e) {
        return ProblemException.of(ProblemType.BODY_READ_FAILED, "Reading the request body failed: " + e.getMessage());
    }
}
