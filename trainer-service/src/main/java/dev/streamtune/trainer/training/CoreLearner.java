package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.eval.ClassAccuracy;
import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.OffsetRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        EvaluationResult r = learner.evaluateHoldout();
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (ClassAccuracy c : r.perClass()) {
            perClass.put(c.label(), c.accuracy());
        }
        return new Evaluation(r.total() == 0 ? 0 : r.accuracy(), perClass, r.total());
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
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", info.metrics().accuracy());
        metrics.put("old-class-accuracy", finiteOr0(info.metrics().oldClassAccuracy()));
        metrics.put("forgetting", info.metrics().forgetting());
        metrics.put("holdout-size", (double) info.metrics().holdoutSize());
        info.metrics().perClass().forEach((label, acc) -> metrics.put("accuracy." + label, acc));
        List<OffsetRange> ranges = new ArrayList<>();
        for (VersionInfo.OffsetRange r : info.lineage()) {
            ranges.add(new OffsetRange(samplesTopic, r.partition(), r.from(), r.to()));
        }
        var core = new dev.streamtune.core.weights.VersionInfo(info.model(), info.version(),
                info.parent() == 0 ? null : info.parent(), backbone, metrics,
                new Lineage(info.cumulativeSamples(), learner.stats().steps(), ranges), info.createdAt());
        return learner.exportWeights(core, null).bytes();
    }

    private static double finiteOr0(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    @Override
    public void close() {
        learner.close();
    }
}
