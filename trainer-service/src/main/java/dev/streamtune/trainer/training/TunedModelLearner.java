package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.bert.TunedLearner;
import dev.streamtune.core.bert.TunedSnapshot;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactWriter;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@link ModelLearner} of a {@code fine-tune} or {@code lora} text model, backed by model-core's
 * {@link TunedLearner}: it reads the samples' texts (not backbone features), replays their token ids, and
 * publishes artifacts holding the trained encoder tensors besides the head. Snapshots carry those tensors and the
 * optimizer moments, so a restored model continues where the checkpoint left it.
 */
public final class TunedModelLearner implements ModelLearner {

    private static final Logger LOG = Logger.getLogger(TunedModelLearner.class);

    private final TunedLearner learner;
    private final BackboneInfo base;
    private final String samplesTopic;
    private final int passes;

    /**
     * @param base identity of the shared base encoder's weights (recorded in every version)
     * @param passes passes over each observed batch
     */
    public TunedModelLearner(TunedLearner learner, BackboneInfo base, String samplesTopic, int passes) {
        this.learner = learner;
        this.base = base;
        this.samplesTopic = samplesTopic;
        this.passes = passes;
    }

    /**
     * @throws IllegalArgumentException for an example without text (the encoder reads texts)
     */
    @Override
    public void observe(List<Example> batch) {
        List<LabeledText> texts = new ArrayList<>(batch.size());
        for (Example e : batch) {
            texts.add(new LabeledText(e.id(), e.text(), e.label()));
        }
        learner.learn(texts, passes);
    }

    @Override
    public Evaluation evaluate() {
        return Evaluation.of(learner.evaluateHoldout());
    }

    @Override
    public String backboneSha256() {
        return base.sha256();
    }

    @Override
    public List<String> labels() {
        return learner.labels();
    }

    @Override
    public byte[] snapshot() {
        return TunedSnapshot.write(learner);
    }

    @Override
    public byte[] exportArtifact(VersionInfo info) {
        WeightsArtifact artifact = WeightsArtifactWriter.write(
                ArtifactVersions.of(info, base, samplesTopic, learner.steps()), learner.export(), null);
        LOG.infof("model %s v%d: %s artifact of %d bytes (%d encoder tensors + head)", info.model(), info.version(),
                learner.config().strategy().label(), artifact.bytes().length, artifact.encoderTensors().size());
        return artifact.bytes();
    }

    @Override
    public void close() {
        learner.close();
    }
}
