package dev.streamtune.core.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.head.LabelIndex;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ArtifactMetadata} ↔ the safetensors {@code __metadata__} string map. Scalars are plain strings; the
 * structured entries ({@code backbone}, {@code labels}, {@code hidden}, {@code metrics}, {@code lineage}) are
 * JSON documents, since safetensors metadata values must be strings.
 */
final class MetadataCodec {

    /** Value of the {@code format} entry of head-only (feature-extraction) artifacts. */
    static final String FORMAT = "streamtune-mlp-head/1";
    /**
     * Value of the {@code format} entry of artifacts that also hold trained encoder tensors; they add the entries
     * {@code strategy} (JSON: kind, layers, rank, alpha, targets) and {@code encoder_tensors} (JSON list of
     * name, shape, dtype).
     */
    static final String TUNED_FORMAT = "streamtune-tuned-encoder/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataCodec() {}

    static Map<String, String> encode(ArtifactMetadata m) {
        VersionInfo v = m.version();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("format", m.tunesEncoder() ? TUNED_FORMAT : FORMAT);
        out.put("model", v.model());
        out.put("version", Long.toString(v.version()));
        if (v.parent() != null) {
            out.put("parent", Long.toString(v.parent()));
        }
        out.put("created_at", Long.toString(v.createdAt()));
        out.put("backbone", json(v.backbone()));
        out.put("input_dim", Integer.toString(m.inputDim()));
        out.put("hidden", json(m.hidden()));
        out.put("labels", json(m.labels()));
        out.put("metrics", json(v.metrics()));
        out.put("lineage", json(v.lineage()));
        if (m.tunesEncoder()) {
            FineTuneStrategy s = m.strategy();
            out.put("strategy", json(new StrategyEntry(s.kind().id(), s.layers(), s.rank(), s.alpha(), s.targets())));
            out.put("encoder_tensors", json(m.encoderTensors()));
        }
        return out;
    }

    /** @throws ArtifactRejectedException with {@link Reason#BAD_METADATA} naming the faulty entry */
    static ArtifactMetadata decode(Map<String, String> map) {
        boolean tuned = TUNED_FORMAT.equals(map.get("format"));
        if (!tuned && !FORMAT.equals(map.get("format"))) {
            throw bad("format is '" + map.get("format") + "', expected '" + FORMAT + "' or '" + TUNED_FORMAT + "'", null);
        }
        try {
            BackboneInfo backbone = JSON.readValue(required(map, "backbone"), BackboneInfo.class);
            Map<String, Double> metrics = JSON.readValue(required(map, "metrics"), new TypeReference<>() {});
            Lineage lineage = JSON.readValue(required(map, "lineage"), Lineage.class);
            String parent = map.get("parent");
            VersionInfo version = new VersionInfo(required(map, "model"), Long.parseLong(required(map, "version")),
                    parent == null ? null : Long.parseLong(parent), backbone, metrics, lineage,
                    Long.parseLong(required(map, "created_at")));
            int inputDim = Integer.parseInt(required(map, "input_dim"));
            List<Integer> hidden = JSON.readValue(required(map, "hidden"), new TypeReference<>() {});
            List<String> labels = JSON.readValue(required(map, "labels"), new TypeReference<>() {});
            checkLabels(labels);
            if (inputDim != backbone.dimension()) {
                throw bad("input_dim " + inputDim + " differs from the backbone's dimension " + backbone.dimension(), null);
            }
            ArtifactMetadata metadata = tuned
                    ? new ArtifactMetadata(version, inputDim, hidden, labels, strategy(required(map, "strategy")),
                            JSON.readValue(required(map, "encoder_tensors"), new TypeReference<List<EncoderTensor>>() {}))
                    : new ArtifactMetadata(version, inputDim, hidden, labels);
            metadata.layout();
            return metadata;
        } catch (JsonProcessingException e) {
            throw bad("an entry is not valid JSON of its kind: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage(), e);
        }
    }

    /** The {@code strategy} entry. */
    private record StrategyEntry(String kind, int layers, int rank, float alpha, List<String> targets) {}

    private static FineTuneStrategy strategy(String json) throws JsonProcessingException {
        StrategyEntry e = JSON.readValue(json, StrategyEntry.class);
        Strategy kind = Strategy.fromId(e.kind());
        if (kind == null || kind == Strategy.FEATURE_EXTRACTION) {
            throw bad("strategy '" + e.kind() + "' is not a strategy that trains the encoder", null);
        }
        return new FineTuneStrategy(kind, e.layers(), e.rank(), e.alpha(), e.targets() == null ? List.of() : e.targets());
    }

    private static void checkLabels(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw bad("labels are empty", null);
        }
        for (String label : labels) {
            LabelIndex.requireValid(label, "metadata labels");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw bad("labels contain duplicates: " + labels, null);
        }
    }

    private static String required(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw bad("entry '" + key + "' is missing", null);
        }
        return value;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metadata entry " + value, e);
        }
    }

    private static ArtifactRejectedException bad(String message, Throwable cause) {
        return new ArtifactRejectedException(Reason.BAD_METADATA, message, cause);
    }
}
