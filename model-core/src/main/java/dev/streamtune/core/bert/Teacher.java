package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous model version's outputs, for LwF distillation: a frozen snapshot of a {@link TextClassifier}
 * (rebuilt from its {@link TrainableWeights} on the same base) whose logits are computed once per sample id and
 * then memoised, so distilling costs one forward pass per sample per version, not one per step.
 *
 * <p>Owns the snapshot; close it when the training session it serves ends. Not thread-safe.
 */
public final class Teacher implements AutoCloseable {

    private final TextClassifier snapshot;
    private final ActivationCache cache;
    private final Map<String, float[]> memo = new HashMap<>();

    private Teacher(TextClassifier snapshot, ActivationCache cache) {
        this.snapshot = snapshot;
        this.cache = cache;
    }

    /**
     * A teacher frozen at {@code model}'s current weights.
     *
     * @param cache the frozen-layer cache for the model's strategy, or {@code null} to compute those layers
     */
    public static Teacher snapshotOf(TextClassifier model, ActivationCache cache) {
        if (cache != null) {
            model.checkCache(cache);
        }
        return new Teacher(TextClassifier.rebuild(model.base(), model.export()), cache);
    }

    /** Classes the teacher knows: the first {@code classes()} classes of the student. */
    public int classes() {
        return snapshot.labels().size();
    }

    /** The teacher's labels, in class order. */
    public List<String> labels() {
        return snapshot.labels();
    }

    /** {@code [batch, classes()]} teacher logits for {@code examples}, on {@code on} (constants, no gradient). */
    NDArray logits(NDManager on, List<LabeledText> examples) {
        List<LabeledText> missing = new ArrayList<>();
        for (LabeledText example : examples) {
            if (!memo.containsKey(example.id())) {
                missing.add(example);
            }
        }
        if (!missing.isEmpty()) {
            float[][] computed = cache != null ? snapshot.predict(cache, missing)
                    : snapshot.predict(missing.stream().map(LabeledText::text).toList());
            for (int i = 0; i < missing.size(); i++) {
                memo.put(missing.get(i).id(), computed[i]);
            }
        }
        int classes = classes();
        float[] flat = new float[examples.size() * classes];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(memo.get(examples.get(i).id()), 0, flat, i * classes, classes);
        }
        return on.create(flat, new Shape(examples.size(), classes));
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
