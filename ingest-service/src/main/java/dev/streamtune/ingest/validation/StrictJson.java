package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses request JSON into trees strictly: a key twice in one object, or anything after the value, is malformed
 * rather than silently resolved.
 */
public final class StrictJson {

    private final ObjectReader reader;

    public StrictJson(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The JSON value of a whole stream; a missing node when the stream is empty. */
    public JsonNode parse(InputStream in) throws IOException {
        return reader.readTree(in);
    }

    /** The JSON value of {@code length} bytes of {@code buffer}. */
    public JsonNode parse(byte[] buffer, int length) throws IOException {
        return parse(buffer, 0, length);
    }

    /** The JSON value of {@code length} bytes of {@code buffer} from {@code offset}. */
    public JsonNode parse(byte[] buffer, int offset, int length) throws IOException {
        return reader.readTree(buffer, offset, length);
    }

    /** A one-line description of why the JSON is malformed, with line and column. */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }

    /** Like {@link #describe} for a JSON value that is one line of a larger body: the column only. */
    public static String describeInLine(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at column " + at.getColumnNr();
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }
}
