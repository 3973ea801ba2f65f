package dev.streamtune.core.image;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Runs a block of a model in inference mode over a {@link TensorSet} in batches. */
public final class BlockInference {

    private BlockInference() {}

    /** The block's output for every example, one row per example (outputs flattened per example). */
    public static float[][] outputs(Model model, Block block, TensorSet data, int batchSize) {
        float[][] rows = new float[data.size()][];
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int from = 0; from < data.size(); from += batchSize) {
            int n = Math.min(batchSize, data.size() - from);
            float[] flat = forward(model, block, data.gather(order, from, n), data.batchShape(n));
            FeatureRows.split(flat, n, from, rows);
        }
        return rows;
    }

    /** The block's flat output for one batch of the given shape. */
    public static float[] forward(Model model, Block block, float[] batch, Shape shape) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(batch, shape);
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    /** Fraction of examples whose arg-max logit equals the label. */
    public static double accuracy(Model model, TensorSet data, int batchSize) {
        float[][] logits = outputs(model, model.getBlock(), data, batchSize);
        int correct = 0;
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            if (best == data.labels()[i]) {
                correct++;
            }
        }
        return data.size() == 0 ? 0 : (double) correct / data.size();
    }
}
