package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.FieldError;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed fields of a model spec body, recording a {@link FieldError} (named by its dotted path, e.g.
 * {@code replay.capacity}) for each missing, mistyped or out-of-range value and returning a default instead.
 * A JSON {@code null} counts as absent.
 */
final class SpecFields {

    private static final Set<String> REGISTRY_FIELDS = Set.of("revision", "updatedAt");

    private final ErrorList errors;

    SpecFields(ErrorList errors) {
        this.errors = errors;
    }

    void error(String path, String reason) {
        errors.add(FieldError.of(path, reason));
    }

    void rejectUnknown(JsonNode object, Set<String> allowed, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            error(prefix + name, prefix.isEmpty() && REGISTRY_FIELDS.contains(name)
                    ? "is set by the registry; leave it out"
                    : "unknown field; allowed: " + allowed.stream().sorted().toList());
        }
    }

    /** {@code true} when {@code node} is an object (checked for unknown fields); {@code false} when absent or bad. */
    boolean objectOrAbsent(JsonNode node, String path, Set<String> allowed) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isObject()) {
            error(path, JsonTypes.mustBe("an object", node));
            return false;
        }
        rejectUnknown(node, allowed, path + ".");
        return true;
    }

    String string(JsonNode object, String name, String path, boolean required) {
        JsonNode value = present(object, name, path, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(path, JsonTypes.mustBe("a string", value));
            return null;
        }
        return value.textValue();
    }

    <T> T choice(JsonNode object, String name, String path, Function<String, T> parse, List<String> allowed,
            boolean required) {
        String id = string(object, name, path, required);
        if (id == null) {
            return null;
        }
        T value = parse.apply(id);
        if (value == null) {
            error(path, "'" + id + "' is not one of " + allowed);
        }
        return value;
    }

    int integer(JsonNode object, String name, String path, int min, int max, int fallback) {
        JsonNode value = present(object, name, path, false);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            error(path, "must be an integer from " + min + " to " + max + ", got " + value);
            return fallback;
        }
        return value.intValue();
    }

    /** A fraction in [0, 1] ({@code includeOne}) or [0, 1). */
    double fraction(JsonNode object, String name, String path, boolean includeOne, double fallback) {
        JsonNode value = present(object, name, path, false);
        if (value == null) {
            return fallback;
        }
        double d = value.isNumber() ? value.doubleValue() : Double.NaN;
        if (!(d >= 0 && (includeOne ? d <= 1 : d < 1))) {
            error(path, "must be a number from 0 to 1 (" + (includeOne ? "inclusive" : "1 excluded") + "), got " + value);
            return fallback;
        }
        return d;
    }

    /** A positive number of seconds up to {@code max}. */
    double seconds(JsonNode object, String name, String path, double max, double fallback) {
        JsonNode value = present(object, name, path, false);
        if (value == null) {
            return fallback;
        }
        double d = value.isNumber() ? value.doubleValue() : Double.NaN;
        if (!(d > 0 && d <= max)) {
            error(path, "must be a number of seconds above 0 and at most " + (long) max + ", got " + value);
            return fallback;
        }
        return d;
    }

    private JsonNode present(JsonNode object, String name, String path, boolean required) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        return value;
    }
}
