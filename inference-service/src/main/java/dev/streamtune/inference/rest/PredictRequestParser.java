package dev.streamtune.inference.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Modality;
import dev.streamtune.inference.service.PredictInput;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates a predict body: one input ({@code {"text": ...}} or {@code {"image": "<base64>"}}) or a batch
 * ({@code {"inputs": [...]}} of such objects, at most {@code maxInputs}). Every violation is a 400 problem naming
 * the field ({@code text}, {@code inputs[3].image}, ...); too many inputs is a 413.
 */
final class PredictRequestParser {

    private static final String EXPECTED = "{\"text\": \"...\"}, {\"image\": \"<base64>\"} or {\"inputs\": [...]}";
    private static final Set<String> INPUT_FIELDS = Set.of("text", "image");

    /** A parsed request: its inputs, and whether it was a batch. */
    record Parsed(List<PredictInput> inputs, boolean batch) {}

    private final ObjectMapper json;
    private final int maxInputs;

    PredictRequestParser(ObjectMapper json, int maxInputs) {
        this.json = json;
        this.maxInputs = maxInputs;
    }

    Parsed parse(byte[] body) {
        JsonNode root = JsonBodies.object(json, body, EXPECTED);
        if (!root.has("inputs")) {
            return new Parsed(List.of(input(root, "")), false);
        }
        rejectUnknown(root, Set.of("inputs"), "");
        JsonNode inputs = root.get("inputs");
        if (!inputs.isArray()) {
            throw Problems.badInput("inputs", "inputs must be an array of input objects, got " + JsonBodies.kind(inputs));
        }
        if (inputs.isEmpty()) {
            throw Problems.badInput("inputs", "inputs is empty; send at least one input");
        }
        if (inputs.size() > maxInputs) {
            throw Problems.tooManyInputs(inputs.size(), maxInputs);
        }
        List<PredictInput> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "inputs[" + i + "].";
            JsonNode item = inputs.get(i);
            if (!item.isObject()) {
                throw Problems.badInput("inputs[" + i + "]", "inputs[" + i + "] must be an object like {\"text\": \"...\"}, got "
                        + JsonBodies.kind(item));
            }
            out.add(input(item, prefix));
        }
        return new Parsed(out, true);
    }

    private static PredictInput input(JsonNode node, String prefix) {
        rejectUnknown(node, INPUT_FIELDS, prefix);
        boolean text = node.has("text");
        boolean image = node.has("image");
        if (text && image) {
            throw Problems.badInput(prefix + "image", prefix + "text and " + prefix + "image are both given; send one of them");
        }
        if (!text && !image) {
            throw Problems.badInput(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "no input: expected " + (prefix.isEmpty() ? EXPECTED : "{\"text\": \"...\"} or {\"image\": \"<base64>\"}"));
        }
        String field = prefix + (text ? "text" : "image");
        JsonNode value = node.get(text ? "text" : "image");
        if (!value.isTextual()) {
            throw Problems.badInput(field, field + " must be a string, got " + JsonBodies.kind(value));
        }
        String s = value.textValue();
        if (s.isBlank()) {
            throw Problems.badInput(field, field + " is empty");
        }
        if (text) {
            return new PredictInput(Modality.TEXT, s, field);
        }
        try {
            return new PredictInput(Modality.IMAGE, Base64.getDecoder().decode(s.strip()), field);
        } catch (IllegalArgumentException e) {
            throw Problems.badInput(field, field + " is not valid base64: " + e.getMessage());
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw Problems.badInput(prefix + name, "unknown field '" + prefix + name + "'; expected "
                        + (prefix.isEmpty() ? EXPECTED : "text or image"));
            }
        }
    }
}
