package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fast path for the common case of a sample line: a flat JSON object whose keys are sample fields, each at
 * most once, with string values ({@code producedAt}: an integer), and nothing after it. Such a line is read with
 * a streaming parser, without building a tree. Anything else (malformed JSON, nesting, unknown or repeated keys,
 * other value types, trailing tokens) gives {@code null}, and the caller takes the full path
 * ({@link StrictJson} + {@link SampleValidator#validate}) that names every problem; so the fast path decides
 * nothing on its own and changes no answer.
 */
public final class FlatSampleParser {

    private static final int ID = 1;
    private static final int TEXT = 2;
    private static final int IMAGE = 4;
    private static final int LABEL = 8;
    private static final int PRODUCED_AT = 16;

    /** The fields of a flat sample object as sent; absent fields are {@code null}. */
    public record RawSample(String id, String text, String image, String label, Long producedAt) {}

    private final JsonFactory factory;

    public FlatSampleParser(JsonFactory factory) {
        this.factory = factory;
    }

    /** The fields of {@code length} bytes of {@code buffer}, or {@code null} when they are not a plain sample object. */
    public RawSample parse(byte[] buffer, int length) {
        return parse(buffer, 0, length);
    }

    /** Like {@link #parse(byte[], int)} for {@code length} bytes of {@code buffer} from {@code offset}. */
    public RawSample parse(byte[] buffer, int offset, int length) {
        try (JsonParser p = factory.createParser(buffer, offset, length)) {
            return p.nextToken() == JsonToken.START_OBJECT ? fields(p) : null;
        } catch (IOException e) {
            return null; // malformed: the full path explains it
        }
    }

    private static RawSample fields(JsonParser p) throws IOException {
        String id = null;
        String text = null;
        String image = null;
        String label = null;
        Long producedAt = null;
        int seen = 0;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = field(p.currentName());
            if (field == 0 || (seen & field) != 0) {
                return null;
            }
            seen |= field;
            JsonToken value = p.nextToken();
            if (field == PRODUCED_AT) {
                if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return null;
                }
                producedAt = p.getLongValue();
                continue;
            }
            if (value != JsonToken.VALUE_STRING) {
                return null;
            }
            switch (field) {
                case ID -> id = p.getText();
                case TEXT -> text = p.getText();
                case IMAGE -> image = p.getText();
                default -> label = p.getText();
            }
        }
        if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
            return null;
        }
        return new RawSample(id, text, image, label, producedAt);
    }

    private static int field(String name) {
        return switch (name) {
            case "id" -> ID;
            case "text" -> TEXT;
            case "image" -> IMAGE;
            case "label" -> LABEL;
            case "producedAt" -> PRODUCED_AT;
            default -> 0;
        };
    }
}
