package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.learn.ContinualLearner;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ModelLearner} backed by model-core's {@link ContinualLearner} (frozen backbone features + growing MLP
 * head with replay). Translates the trainer's version metadata into the artifact's own metadata.
 */
public final class CoreLearner implements ModelLearner {

    private final ContinualLearner learner;
    private final BackboneInfo backbone;
    private final String samplesTopic;

    private final int passes;

    /** @param passes passes over each observed batch */
    public CoreLearner(ContinualLearner learner, BackboneInfo backbone, String samplesTopic, int passes) {
        this.learner = learner;
        this.passes = passes;
        this.backbone = backbone;
        this.samplesTopic = samplesTopic;
    }

    @Override
    public void observe(List<ModelLearner.Example> batch) {
        // model-core's example type, not the trainer's nested one of the same simple name
        List<dev.streamtune.core.learn.Example> examples = new ArrayList<>(batch.size());
        for (ModelLearner.Example e : batch) {
            examples.add(dev.streamtune.core.learn.Example.of(e.id(), e.features(), e.label()));
        }
        learner.learn(examples, passes);
    }

    @Override
    public Evaluation evaluate() {
        return Evaluation.of(learner.evaluateHoldout());
    }

    @Override
    public String backboneSha256() {
        return backbone.sha256();
    }

    @Override
    public List<String> labels() {
        return learner.labels();
    }

    @Override
    public byte[] snapshot() {
        return learner.snapshot();
    }

    @Override
    public byte[] exportArtifact(VersionInfo info) {
        return learner.exportWeights(ArtifactVersions.of(info, backbone, samplesTopic, learner.stats().steps()), null)
                .bytes();
    }

    @Override
    public void close() {
        learner.close();
    }
}
