package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.ingest.problem.ErrorList;
import java.util.Iterator;
import java.util.Set;

/**
 * Validates one sample object against a model's spec and the limits, recording every problem it finds (not
 * just the first) in the request's {@link ErrorList}.
 *
 * <p>A sample is {@code {"text": ..., "label": ...}} or {@code {"image": "<base64 PNG/JPEG>", "label": ...}}, with
 * optional {@code id} (client-chosen, unique within the request) and {@code producedAt} (epoch millis).
 */
public final class SampleValidator {

    /** The fields a sample may carry. */
    public static final Set<String> FIELDS = Set.of("id", "text", "image", "label", "producedAt");

    private final SampleLimits limits;
    private final ImageCheck images;

    public SampleValidator(SampleLimits limits) {
        this.limits = limits;
        this.images = new ImageCheck(limits.maxImageBytes(), limits.maxImagePixels());
    }

    /** The limits this validator enforces. */
    public SampleLimits limits() {
        return limits;
    }

    /** The valid sample, or {@code null} after adding this entry's errors to {@code errors}. */
    public SampleDraft validate(JsonNode node, ModelSpec spec, EntryRef at, ErrorList errors) {
        if (node == null || !node.isObject()) {
            errors.add(at.error("$", JsonTypes.mustBe("a JSON object", node)));
            return null;
        }
        long before = errors.total();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(at.error(name, "unknown field; a sample has only " + String.join(", ", FIELDS.stream().sorted().toList())));
            }
        }
        String id = optionalName(node, "id", limits.maxIdLength(), at, errors);
        Long producedAt = producedAt(node, at, errors);
        String label = label(node, spec, at, errors);
        Modality modality = spec.task().modality();
        String text = modality == Modality.TEXT ? text(node, at, errors) : null;
        String image = modality == Modality.IMAGE ? image(node, at, errors) : null;
        rejectOtherModality(node, spec, at, errors);
        return errors.total() == before ? new SampleDraft(id, text, image, label, producedAt) : null;
    }

    /**
     * The sample of a line read by {@link FlatSampleParser} when it passes every check, else {@code null} without
     * recording anything: the caller then validates the line with {@link #validate} to name the problems.
     */
    public SampleDraft validIfFlat(FlatSampleParser.RawSample raw, ModelSpec spec) {
        boolean text = spec.task().modality() == Modality.TEXT;
        String value = text ? raw.text() : raw.image();
        String other = text ? raw.image() : raw.text();
        boolean ok = value != null && other == null && raw.label() != null
                && (raw.producedAt() == null || raw.producedAt() >= 0)
                && (raw.id() == null || TextRules.checkName(raw.id(), limits.maxIdLength()) == null)
                && TextRules.checkName(raw.label(), limits.maxLabelLength()) == null
                && spec.allowsLabel(raw.label())
                && (text ? TextRules.checkText(value, limits.maxTextLength()) : images.check(value)) == null;
        return ok ? new SampleDraft(raw.id(), raw.text(), raw.image(), raw.label(), raw.producedAt()) : null;
    }

    private String text(JsonNode node, EntryRef at, ErrorList errors) {
        String text = requiredString(node, "text", at, errors);
        return text == null ? null : check(text, TextRules.checkText(text, limits.maxTextLength()), "text", at, errors);
    }

    private String image(JsonNode node, EntryRef at, ErrorList errors) {
        String image = requiredString(node, "image", at, errors);
        return image == null ? null : check(image, images.check(image), "image", at, errors);
    }

    private String label(JsonNode node, ModelSpec spec, EntryRef at, ErrorList errors) {
        String label = requiredString(node, "label", at, errors);
        if (label == null || check(label, TextRules.checkName(label, limits.maxLabelLength()), "label", at, errors) == null) {
            return null;
        }
        if (!spec.allowsLabel(label)) {
            errors.add(at.error("label", "'" + label + "' is not in the closed label set of model '"
                    + spec.name() + "': " + spec.labels()));
            return null;
        }
        return label;
    }

    private void rejectOtherModality(JsonNode node, ModelSpec spec, EntryRef at, ErrorList errors) {
        String wanted = spec.task().modality() == Modality.TEXT ? "text" : "image";
        String other = spec.task().modality() == Modality.TEXT ? "image" : "text";
        if (node.has(other)) {
            errors.add(at.error(other, "model '" + spec.name() + "' is a " + spec.task().id()
                    + " model: its samples carry '" + wanted + "', not '" + other + "'"));
        }
    }

    private String optionalName(JsonNode node, String field, int maxLength, EntryRef at, ErrorList errors) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(at.error(field, JsonTypes.mustBe("a string", value)));
            return null;
        }
        return check(value.textValue(), TextRules.checkName(value.textValue(), maxLength), field, at, errors);
    }

    private static Long producedAt(JsonNode node, EntryRef at, ErrorList errors) {
        JsonNode value = node.get("producedAt");
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            errors.add(at.error("producedAt", "must be epoch milliseconds (a non-negative integer), got " + value));
            return null;
        }
        return value.longValue();
    }

    private static String requiredString(JsonNode node, String field, EntryRef at, ErrorList errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(at.error(field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(at.error(field, JsonTypes.mustBe("a string", value)));
            return null;
        }
        return value.textValue();
    }

    private static String check(String value, String reason, String field, EntryRef at, ErrorList errors) {
        if (reason == null) {
            return value;
        }
        errors.add(at.error(field, reason));
        return null;
    }
}
