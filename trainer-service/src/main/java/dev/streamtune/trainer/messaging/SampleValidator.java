package dev.streamtune.trainer.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import java.io.IOException;
import java.util.function.Function;

/**
 * Decodes and checks one consumed sample record. Ingest validated it already, but the topic is open to any
 * producer, so the trainer trusts nothing: every failure becomes a {@link SampleVerdict.Rejected} with a reason.
 */
public final class SampleValidator {

    private final ObjectMapper json;
    private final Function<String, ModelSpec> specs;

    /**
     * @param specs model name to its spec, or {@code null} when unknown
     */
    public SampleValidator(ObjectMapper json, Function<String, ModelSpec> specs) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.specs = specs;
    }

    /** The verdict for a record with this key and value. */
    public SampleVerdict check(String key, byte[] value) {
        if (value == null) {
            return new SampleVerdict.Rejected(RejectReason.MALFORMED, "record has no value");
        }
        SampleRecord s;
        try {
            s = json.readValue(value, SampleRecord.class);
        } catch (IOException e) {
            return new SampleVerdict.Rejected(RejectReason.MALFORMED, "not a sample document: " + firstLine(e.getMessage()));
        }
        if (s == null || s.model() == null || s.id() == null || s.id().isBlank()) {
            return new SampleVerdict.Rejected(RejectReason.MALFORMED, "sample needs an id and a model");
        }
        if (key != null && !key.equals(s.model())) {
            return new SampleVerdict.Rejected(RejectReason.KEY_MISMATCH, "key '" + key + "' but model '" + s.model() + "'");
        }
        ModelSpec spec = specs.apply(s.model());
        if (spec == null) {
            return new SampleVerdict.Rejected(RejectReason.UNKNOWN_MODEL, "no spec registered for model '" + s.model() + "'");
        }
        Modality m = s.modality();
        if (m == null || spec.task() == null || m != spec.task().modality()) {
            return new SampleVerdict.Rejected(RejectReason.WRONG_MODALITY, "model '" + s.model() + "' is "
                    + (spec.task() == null ? "without task" : spec.task().id()) + " but the sample carries "
                    + (m == null ? "no single input" : m.name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (s.label() == null || s.label().isBlank()) {
            return new SampleVerdict.Rejected(RejectReason.EMPTY_LABEL, "label is empty");
        }
        if (!spec.allowsLabel(s.label())) {
            return new SampleVerdict.Rejected(RejectReason.LABEL_NOT_ALLOWED, "label '" + s.label() + "' is not in the closed label set");
        }
        return new SampleVerdict.Accepted(s, spec);
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
