package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Names JSON node types the way error messages should ("string", "number", "object"...). */
public final class JsonTypes {

    private JsonTypes() {}

    /** The JSON type of {@code node}, in lower case. */
    public static String nameOf(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** "must be a {expected}, got {actual}". */
    public static String mustBe(String expected, JsonNode actual) {
        return "must be " + expected + ", got " + nameOf(actual);
    }
}
