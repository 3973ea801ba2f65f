package dev.streamtune.inference.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads request bodies as JSON trees so that every malformed body gets a specific 400 problem. */
final class JsonBodies {

    private JsonBodies() {}

    /**
     * The body as a JSON object.
     *
     * @param expected what a valid body looks like, for the error message
     * @throws ProblemException 400 for an empty body, malformed JSON or a non-object
     */
    static JsonNode object(ObjectMapper json, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw Problems.badInput(null, "request body is empty; expected " + expected);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problems.badInput(null, "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.badInput(null, "request body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw Problems.badInput(null, "request body must be a JSON object, got " + kind(root) + "; expected " + expected);
        }
        return root;
    }

    /** A JSON node kind for messages: string, number, array, ... */
    static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
