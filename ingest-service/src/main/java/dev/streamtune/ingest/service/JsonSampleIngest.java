package dev.streamtune.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.metrics.IngestMetrics;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.FieldError;
import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import dev.streamtune.ingest.validation.EntryRef;
import dev.streamtune.ingest.validation.JsonTypes;
import dev.streamtune.ingest.validation.SampleDraft;
import dev.streamtune.ingest.validation.SampleValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Ingests a JSON body: one sample, or a batch {@code {"samples": [...]}}. The body is bounded, so it is read and
 * validated whole first; any invalid entry rejects the request (listing every bad entry) and nothing is written.
 */
@ApplicationScoped
public class JsonSampleIngest {

    private static final String TOO_LARGE_HINT =
            " for a JSON body; split it, or stream it as NDJSON (Content-Type: application/x-ndjson).";

    private final ModelRegistry registry;
    private final RequestBodies bodies;
    private final SampleValidator validator;
    private final SampleWriter writer;
    private final IngestMetrics metrics;
    private final IngestConfig.LimitSettings limits;

    public JsonSampleIngest(ModelRegistry registry, RequestBodies bodies, SampleValidator validator, SampleWriter writer,
            IngestMetrics metrics, IngestConfig config) {
        this.registry = registry;
        this.bodies = bodies;
        this.validator = validator;
        this.writer = writer;
        this.metrics = metrics;
        this.limits = config.limits();
    }

    /** Validates and writes the samples of {@code body} for {@code model}; returns once Kafka acknowledged them. */
    public AcceptedSamples ingest(String model, InputStream body, Long contentLength) {
        ModelSpec spec = registry.get(model);
        JsonNode node = bodies.readJson(body, contentLength, limits.maxJsonBodySize().asLongValue(), TOO_LARGE_HINT);
        boolean batch = node.isObject() && node.has("samples");
        List<SampleDraft> drafts = batch ? batch(node, spec) : List.of(single(node, spec));
        long now = System.currentTimeMillis();
        List<SampleRecord> records = drafts.stream().map(d -> d.toRecord(model, now)).toList();
        String kind = batch ? "batch" : "single";
        writer.write(records, kind);
        metrics.accepted(kind, records.size());
        return new AcceptedSamples(records.size(), records.stream().map(SampleRecord::id).toList());
    }

    private SampleDraft single(JsonNode node, ModelSpec spec) {
        ErrorList errors = new ErrorList(limits.maxListedErrors());
        SampleDraft draft = validator.validate(node, spec, EntryRef.SINGLE, errors);
        if (draft == null) {
            throw errors.reject(ProblemType.INVALID_SAMPLES, "The sample is invalid; nothing was written");
        }
        return draft;
    }

    private List<SampleDraft> batch(JsonNode node, ModelSpec spec) {
        ErrorList errors = new ErrorList(limits.maxListedErrors());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("samples")) {
                errors.add(FieldError.of(name, "unknown field; a batch is {\"samples\": [...]}"));
            }
        }
        JsonNode samples = node.get("samples");
        if (!samples.isArray() || samples.isEmpty()) {
            errors.add(FieldError.of("samples", samples.isArray() ? "must not be empty"
                    : JsonTypes.mustBe("an array of samples", samples)));
            throw errors.reject(ProblemType.INVALID_SAMPLES, "The batch is invalid; nothing was written");
        }
        if (samples.size() > limits.maxBatchSamples()) {
            throw ProblemException.of(ProblemType.REQUEST_TOO_LARGE, "The batch has " + samples.size()
                    + " samples; at most " + limits.maxBatchSamples() + " are allowed per JSON batch. Split it, or "
                    + "stream it as NDJSON (Content-Type: application/x-ndjson).");
        }
        AcceptedIds ids = AcceptedIds.ofIndices();
        List<SampleDraft> drafts = new ArrayList<>(samples.size());
        int bad = 0;
        for (int i = 0; i < samples.size(); i++) {
            EntryRef at = EntryRef.index(i);
            SampleDraft draft = validator.validate(samples.get(i), spec, at, errors);
            if (draft == null) {
                bad++;
            } else {
                ids.claim(draft.id(), i);
                drafts.add(draft);
            }
        }
        bad += ids.reportRepeats(errors);
        if (!errors.isEmpty()) {
            throw errors.reject(ProblemType.INVALID_SAMPLES, bad > 0
                    ? bad + " of the " + samples.size() + " samples " + (bad == 1 ? "is" : "are") + " invalid; nothing was written"
                    : "The batch is invalid; nothing was written");
        }
        return drafts;
    }
}
