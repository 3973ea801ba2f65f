package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.ModelSpec.PublishSettings;
import dev.streamtune.contracts.ModelSpec.ReplaySettings;
import dev.streamtune.contracts.ModelSpec.Tuning;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.ProblemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the body of {@code POST /v1/models} into a {@link ModelSpec} (revision and time left for the registry),
 * filling defaults, or rejects it listing every invalid field.
 */
public final class ModelSpecValidator {

    /** Fields of the request body. {@code revision} and {@code updatedAt} are set by the registry. */
    public static final Set<String> FIELDS = Set.of("name", "task", "backbone", "strategy", "labels", "replay", "publish",
            "tuning");
    /** Most top layers {@code lora} may adapt (the built-in MiniLM has 6). */
    public static final int MAX_LORA_LAYERS = 6;
    /**
     * Most top layers {@code fine-tune} may train: a checkpoint holds each layer (7.1 MB) three times (weights and
     * two optimizer moments) and must fit the trainer-state record limit.
     */
    public static final int MAX_FINE_TUNE_LAYERS = 3;
    /** Largest LoRA rank. */
    public static final int MAX_LORA_RANK = 64;
    /** Replay buffer policies the trainer implements. */
    public static final Set<String> REPLAY_POLICIES = Set.of("reservoir", "class-balanced");
    /** Largest replay buffer, in samples. */
    public static final int MAX_REPLAY_CAPACITY = 1_000_000;
    /** Longest allowed publish interval: one week. */
    public static final double MAX_PUBLISH_SECONDS = 7 * 24 * 3600;

    private static final Map<String, Modality> BUILT_IN_BACKBONES = Map.of(
            ModelSpec.DEFAULT_TEXT_BACKBONE, Modality.TEXT, ModelSpec.DEFAULT_IMAGE_BACKBONE, Modality.IMAGE);
    private static final Set<String> BACKBONE_URL_SCHEMES = Set.of("file:", "jar:", "http://", "https://");
    private static final int MAX_BACKBONE_LENGTH = 2048;
    private static final List<String> TASKS = Arrays.stream(Task.values()).map(Task::id).toList();
    private static final List<String> STRATEGIES = Arrays.stream(Strategy.values()).map(Strategy::id).toList();

    private final int maxLabelLength;
    private final int maxLabels;
    private final int maxListedErrors;

    public ModelSpecValidator(int maxLabelLength, int maxLabels, int maxListedErrors) {
        this.maxLabelLength = maxLabelLength;
        this.maxLabels = maxLabels;
        this.maxListedErrors = maxListedErrors;
    }

    /** The spec with defaults filled in, revision 0 and time 0; throws a 400 problem listing every bad field. */
    public ModelSpec validate(JsonNode body) {
        ErrorList errors = new ErrorList(maxListedErrors);
        SpecFields fields = new SpecFields(errors);
        if (body == null || !body.isObject()) {
            errors.add(EntryRef.SINGLE.error("$", JsonTypes.mustBe("a JSON object", body)));
            throw errors.reject(ProblemType.INVALID_MODEL_SPEC, "The model spec is invalid; nothing was registered");
        }
        fields.rejectUnknown(body, FIELDS, "");
        String name = fields.string(body, "name", "name", true);
        if (name != null && !ModelSpec.NAME_PATTERN.matcher(name).matches()) {
            fields.error("name", "'" + name + "' is not a valid model name: 1 to 63 lowercase letters, digits "
                    + "and dashes, starting with a letter or digit");
        }
        Task task = fields.choice(body, "task", "task", Task::fromId, TASKS, true);
        Strategy strategy = fields.choice(body, "strategy", "strategy", Strategy::fromId, STRATEGIES, false);
        String backbone = backbone(fields, body, task);
        List<String> labels = labels(fields, body.get("labels"));
        ReplaySettings replay = replay(fields, body.get("replay"));
        PublishSettings publish = publish(fields, body.get("publish"));
        Strategy chosen = strategy != null ? strategy : Strategy.FEATURE_EXTRACTION;
        Tuning tuning = tuning(fields, body.get("tuning"), chosen, task);
        if (!errors.isEmpty()) {
            throw errors.reject(ProblemType.INVALID_MODEL_SPEC, "The model spec is invalid; nothing was registered");
        }
        return new ModelSpec(name, task, backbone, chosen, labels, replay, publish, 0, 0, tuning);
    }

    private static String backbone(SpecFields fields, JsonNode body, Task task) {
        String backbone = fields.string(body, "backbone", "backbone", false);
        if (backbone == null) {
            if (task == null) {
                return null;
            }
            return task.modality() == Modality.TEXT ? ModelSpec.DEFAULT_TEXT_BACKBONE : ModelSpec.DEFAULT_IMAGE_BACKBONE;
        }
        Modality builtIn = BUILT_IN_BACKBONES.get(backbone);
        if (builtIn != null) {
            if (task != null && builtIn != task.modality()) {
                fields.error("backbone", "built-in backbone '" + backbone + "' reads " + builtIn.name().toLowerCase()
                        + ", but a " + task.id() + " model reads " + task.modality().name().toLowerCase());
            }
        } else if (backbone.length() > MAX_BACKBONE_LENGTH
                || BACKBONE_URL_SCHEMES.stream().noneMatch(backbone::startsWith)
                || backbone.chars().anyMatch(c -> c <= ' ')) {
            fields.error("backbone", "must be a built-in backbone " + BUILT_IN_BACKBONES.keySet().stream().sorted().toList()
                    + " or a file:, jar:, http:// or https:// URL without spaces, at most " + MAX_BACKBONE_LENGTH
                    + " characters");
        }
        return backbone;
    }

    private List<String> labels(SpecFields fields, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            fields.error("labels", JsonTypes.mustBe("an array of strings", node));
            return null;
        }
        if (node.size() > maxLabels) {
            fields.error("labels", "has " + node.size() + " labels; at most " + maxLabels + " are allowed");
            return null;
        }
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode label = node.get(i);
            String field = "labels[" + i + "]";
            String reason = !label.isTextual() ? JsonTypes.mustBe("a string", label)
                    : TextRules.checkName(label.textValue(), maxLabelLength);
            if (reason == null && !seen.add(label.textValue())) {
                reason = "'" + label.textValue() + "' is listed twice";
            }
            if (reason != null) {
                fields.error(field, reason);
            } else {
                labels.add(label.textValue());
            }
        }
        return labels.isEmpty() ? null : List.copyOf(labels);
    }

    private static ReplaySettings replay(SpecFields fields, JsonNode node) {
        ReplaySettings defaults = ReplaySettings.defaults();
        if (!fields.objectOrAbsent(node, "replay", Set.of("policy", "capacity", "ratio"))) {
            return defaults;
        }
        String policy = fields.string(node, "policy", "replay.policy", false);
        if (policy != null && !REPLAY_POLICIES.contains(policy)) {
            fields.error("replay.policy", "'" + policy + "' is not a replay policy; use one of "
                    + REPLAY_POLICIES.stream().sorted().toList());
        }
        int capacity = fields.integer(node, "capacity", "replay.capacity", 1, MAX_REPLAY_CAPACITY, defaults.capacity());
        double ratio = fields.fraction(node, "ratio", "replay.ratio", false, defaults.ratio());
        return new ReplaySettings(policy != null ? policy : defaults.policy(), capacity, ratio);
    }

    /** {@code tuning}: only for text {@code fine-tune} (layers) and {@code lora} (layers, rank) models. */
    private static Tuning tuning(SpecFields fields, JsonNode node, Strategy strategy, Task task) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (strategy == Strategy.FEATURE_EXTRACTION || (task != null && task.modality() != Modality.TEXT)) {
            fields.error("tuning", "only text models with strategy fine-tune or lora train encoder layers");
            return null;
        }
        Tuning defaults = Tuning.defaults(strategy);
        Set<String> allowed = strategy == Strategy.LORA ? Set.of("layers", "rank") : Set.of("layers");
        if (!fields.objectOrAbsent(node, "tuning", allowed)) {
            return null;
        }
        int layers = fields.integer(node, "layers", "tuning.layers", 1,
                strategy == Strategy.LORA ? MAX_LORA_LAYERS : MAX_FINE_TUNE_LAYERS, defaults.layers());
        int rank = strategy == Strategy.LORA
                ? fields.integer(node, "rank", "tuning.rank", 1, MAX_LORA_RANK, defaults.rank()) : 0;
        return new Tuning(layers, rank);
    }

    private static PublishSettings publish(SpecFields fields, JsonNode node) {
        PublishSettings defaults = PublishSettings.defaults();
        if (!fields.objectOrAbsent(node, "publish", Set.of("everySamples", "everySeconds", "maxForgetting"))) {
            return defaults;
        }
        int everySamples = fields.integer(node, "everySamples", "publish.everySamples", 1, Integer.MAX_VALUE,
                defaults.everySamples());
        double everySeconds = fields.seconds(node, "everySeconds", "publish.everySeconds", MAX_PUBLISH_SECONDS,
                defaults.everySeconds());
        double maxForgetting = fields.fraction(node, "maxForgetting", "publish.maxForgetting", true,
                defaults.maxForgetting());
        return new PublishSettings(everySamples, everySeconds, maxForgetting);
    }
}
