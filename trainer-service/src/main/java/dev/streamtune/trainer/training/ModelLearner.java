package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import java.util.List;
import java.util.Map;

/**
 * What the trainer needs of model-core for one model: learn from feature batches, evaluate on the holdout, and
 * turn its state into bytes (checkpoint) and its trainable weights into an artifact. {@link LearnerFactory}
 * makes them; the implementation lives in model-core, adapted in {@link CoreLearner}.
 */
public interface ModelLearner extends AutoCloseable {

    /** Learns from a batch; the learner itself sets aside holdout samples (by id hash) for evaluation. */
    void observe(List<Example> batch);

    /** Holdout evaluation of the current weights. */
    Evaluation evaluate();

    /** SHA-256 of the backbone weights the features come from (recorded in every version). */
    String backboneSha256();

    /** The labels known so far, in output-index order. */
    List<String> labels();

    /** The whole learner state (weights, optimizer, replay, holdout, label map, RNG) as bytes. */
    byte[] snapshot();

    /** The trainable weights as a signed-or-not artifact carrying {@code info}'s metadata. */
    byte[] exportArtifact(VersionInfo info);

    @Override
    void close();

    /** One training example: the sample id (holdout decision, dedup), its features and label. */
    record Example(String id, float[] features, String label) {}

    /** Holdout evaluation: overall accuracy, accuracy per label, and the holdout size. */
    record Evaluation(double accuracy, Map<String, Double> perClass, int holdoutSize) {}
}
