package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.eval.ClassAccuracy;
import dev.streamtune.core.eval.EvaluationResult;
import java.util.LinkedHashMap;
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

    /**
     * One training example: the sample id (holdout decision, dedup), its backbone features (empty when the
     * learner's own encoder trains), its label, and its text ({@code null} for images), which a learner that trains
     * the encoder tokenizes itself.
     */
    record Example(String id, float[] features, String label, String text) {
        /** An example of features only. */
        public Example(String id, float[] features, String label) {
            this(id, features, label, null);
        }
    }

    /** Holdout evaluation: overall accuracy, accuracy per label, and the holdout size. */
    record Evaluation(double accuracy, Map<String, Double> perClass, int holdoutSize) {
        /** model-core's evaluation result in these terms (accuracy 0 for an empty holdout). */
        public static Evaluation of(EvaluationResult r) {
            Map<String, Double> perClass = new LinkedHashMap<>();
            for (ClassAccuracy c : r.perClass()) {
                perClass.put(c.label(), c.accuracy());
            }
            return new Evaluation(r.total() == 0 ? 0 : r.accuracy(), perClass, r.total());
        }
    }
}
