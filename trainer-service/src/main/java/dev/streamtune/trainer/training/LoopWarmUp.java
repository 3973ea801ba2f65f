package dev.streamtune.trainer.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.WarmUp;
import dev.streamtune.trainer.messaging.SampleValidator;
import dev.streamtune.trainer.messaging.SampleVerdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;

/**
 * Runs the training loop's per-batch code once, before the loop starts, on a scratch copy of a text model that
 * trains on frozen-backbone features, so its first real batch after a start or restart does not pay the cold
 * costs (JIT of the decode, backbone, learner, gate, export and checkpoint code; ONNX Runtime's first input
 * shapes; the first PyTorch steps). The backbone embeds model-core's {@link WarmUp#TEXTS}; a scratch
 * {@link ModelSession} of that model's settings decodes, trains, evaluates, exports (signed when a key is set) and
 * checkpoints them, and the checkpoint is compressed into a record batch as the producer would (the codec's first
 * use loads its native library). Nothing reaches Kafka, and the scratch session is closed.
 */
public final class LoopWarmUp {

    /** Name of the scratch model (never registered, never published). */
    public static final String SCRATCH_MODEL = "streamtune-warm-up";

    private final BackboneFeatures features;
    private final LearnerFactory learners;
    private final CheckpointCodec codec;
    private final ObjectMapper json;
    private final int dedupWindow;
    private final String compression;

    /** @param compression the producer's {@code compression.type} */
    public LoopWarmUp(BackboneFeatures features, LearnerFactory learners, CheckpointCodec codec, ObjectMapper json, int dedupWindow,
            String compression) {
        this.features = features;
        this.learners = learners;
        this.codec = codec;
        this.json = json;
        this.dedupWindow = dedupWindow;
        this.compression = compression;
    }

    /** Whether {@code spec}'s model trains the way this warm-up exercises: text, frozen backbone features. */
    public static boolean covers(ModelSpec spec) {
        return spec.task() != null && spec.task().modality() == Modality.TEXT && !TunedModels.tunesEncoder(spec);
    }

    /**
     * Warms the loop for models like {@code like} (its backbone, replay and publish settings).
     *
     * @param signingKey the key versions are signed with, or {@code null}
     * @throws IllegalArgumentException when {@code like} is not {@link #covers covered}
     */
    @SuppressWarnings("unchecked")
    public void run(ModelSpec like, String signingKey) {
        if (!covers(like)) {
            throw new IllegalArgumentException("warm-up covers text models on frozen features, not " + like.name());
        }
        ModelSpec scratch = new ModelSpec(SCRATCH_MODEL, like.task(), like.backbone(), like.strategy(), null, like.replay(),
                like.publish(), 1, System.currentTimeMillis());
        List<Example> examples = WarmUp.examples((Backbone<String>) features.backbone(scratch));
        SampleValidator validator = new SampleValidator(json, name -> scratch);
        List<ModelSession.Trained> batch = new ArrayList<>(examples.size());
        try (ModelSession session = ModelSession.fresh(scratch, learners.create(scratch), dedupWindow)) {
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                long now = System.currentTimeMillis();
                byte[] value = json.writeValueAsBytes(new SampleRecord(e.id(), SCRATCH_MODEL, WarmUp.TEXTS.get(i), null,
                        e.label(), now, now));
                if (!(validator.check(SCRATCH_MODEL, value) instanceof SampleVerdict.Accepted acc) || !session.firstTime(e.id())) {
                    throw new IllegalStateException("warm-up sample " + e.id() + " was not accepted");
                }
                batch.add(new ModelSession.Trained(new ModelLearner.Example(e.id(), e.features(), e.label(), acc.sample().text()),
                        0, i, now));
            }
            session.train(batch);
            ModelSession.Candidate candidate = session.candidate(System.currentTimeMillis(), signingKey);
            if (candidate != null) {
                new VersionEnvelope(json.writeValueAsBytes(candidate.info()), candidate.artifact()).encode();
            }
            MemoryRecords.withRecords(Compression.of(compression).build(), new SimpleRecord(codec.encode(session.checkpoint())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("warm-up could not serialise its scratch records", e);
        }
    }
}
