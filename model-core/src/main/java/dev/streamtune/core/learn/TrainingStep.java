package dev.streamtune.core.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.head.MlpMath;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * One gradient step of a head on one batch: forward with dropout, softmax cross-entropy, backward, optimizer
 * update. Dropout masks come from the learner's seeded generator (not the engine's global one), so steps are
 * reproducible and independent of other learners in the JVM.
 */
final class TrainingStep {

    private final MlpHead head;
    private final Optimizer optimizer;
    private final SplitMix64 random;

    TrainingStep(MlpHead head, Optimizer optimizer, SplitMix64 random) {
        this.head = head;
        this.optimizer = optimizer;
        this.random = random;
    }

    /**
     * Trains on {@code rows} samples: {@code features[r·dim ..]} with class index {@code classes[r]}.
     *
     * @return the batch's mean cross-entropy before the update
     */
    double run(float[] features, int[] classes, int rows) {
        int dim = head.config().inputDim();
        int numClasses = head.numClasses();
        float[] x = features.length == rows * dim ? features : java.util.Arrays.copyOf(features, rows * dim);
        float[] oneHot = new float[rows * numClasses];
        for (int r = 0; r < rows; r++) {
            oneHot[r * numClasses + classes[r]] = 1f;
        }
        try (NDManager scratch = head.newScratchManager()) {
            List<NDArray> parameters = head.parameters();
            NDArray input = scratch.create(x, new Shape(rows, dim));
            NDArray target = scratch.create(oneHot, new Shape(rows, numClasses));
            List<NDArray> masks = dropoutMasks(scratch, rows);
            MlpMath.TrainingPass pass = MlpMath.forward(parameters, input, masks);
            List<NDArray> gradients = MlpMath.backward(parameters, pass, target, masks);
            float[] p = pass.probabilities().toFloatArray();
            optimizer.update(parameters, gradients);
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                loss -= Math.log(Math.max(p[r * numClasses + classes[r]], Float.MIN_NORMAL));
            }
            return loss / rows;
        }
    }

    private List<NDArray> dropoutMasks(NDManager scratch, int rows) {
        float p = head.config().dropout();
        if (p == 0f) {
            return null;
        }
        float keep = 1f / (1f - p);
        List<NDArray> masks = new ArrayList<>();
        for (int size : head.config().hidden()) {
            float[] mask = new float[rows * size];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextFloat() < p ? 0f : keep;
            }
            masks.add(scratch.create(mask, new Shape(rows, size)));
        }
        return masks;
    }
}
