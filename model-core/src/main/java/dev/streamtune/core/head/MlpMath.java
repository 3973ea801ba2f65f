package dev.streamtune.core.head;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The MLP's arithmetic on NDArrays, shared by training and prediction: forward pass (linear layers with ReLU
 * between them, optional dropout masks) and a hand-written backward pass for softmax cross-entropy.
 *
 * <p>Gradients are computed explicitly rather than with DJL's {@code GradientCollector} because the PyTorch
 * engine allows only one collecting {@code GradientCollector} per JVM at a time, while a trainer runs one
 * learner per model, possibly on several threads. The backward pass is checked against autograd in the tests.
 *
 * <p>Parameters are in {@link HeadLayout} order: weight {@code [out, in]}, bias {@code [out]} per layer.
 */
public final class MlpMath {

    private MlpMath() {}

    /**
     * What the backward pass needs from a training forward pass.
     *
     * @param layerInputs the input of every linear layer: the features, then each hidden layer's activations
     *     (after ReLU and dropout)
     * @param probabilities softmax of the logits, {@code [batch, classes]}
     */
    public record TrainingPass(List<NDArray> layerInputs, NDArray probabilities) {}

    /** Logits {@code [batch, classes]} of {@code x [batch, in]}, without dropout (evaluation mode). */
    public static NDArray logits(List<NDArray> parameters, NDArray x) {
        NDArray a = x;
        int layers = parameters.size() / 2;
        for (int l = 0; l < layers; l++) {
            NDArray z = Linear.linear(a, parameters.get(2 * l), parameters.get(2 * l + 1)).singletonOrThrow();
            a = l < layers - 1 ? Activation.relu(z) : z;
        }
        return a;
    }

    /**
     * Training forward pass.
     *
     * @param dropoutMasks one mask {@code [batch, hidden_i]} per hidden layer, each value 0 or {@code 1/(1-p)};
     *     {@code null} for no dropout
     */
    public static TrainingPass forward(List<NDArray> parameters, NDArray x, List<NDArray> dropoutMasks) {
        List<NDArray> inputs = new ArrayList<>();
        NDArray a = x;
        int layers = parameters.size() / 2;
        for (int l = 0; l < layers; l++) {
            inputs.add(a);
            NDArray z = Linear.linear(a, parameters.get(2 * l), parameters.get(2 * l + 1)).singletonOrThrow();
            if (l < layers - 1) {
                a = Activation.relu(z);
                if (dropoutMasks != null) {
                    a = a.mul(dropoutMasks.get(l));
                }
            } else {
                a = z;
            }
        }
        return new TrainingPass(inputs, a.softmax(1));
    }

    /**
     * Gradients of the mean cross-entropy {@code -1/n Σ log p[i, y_i]} with respect to every parameter, in
     * parameter order.
     *
     * @param oneHot targets {@code [batch, classes]}
     * @param dropoutMasks the masks given to {@link #forward}, or {@code null}
     */
    public static List<NDArray> backward(
            List<NDArray> parameters, TrainingPass pass, NDArray oneHot, List<NDArray> dropoutMasks) {
        NDArray[] grads = new NDArray[parameters.size()];
        long batch = oneHot.getShape().get(0);
        NDArray g = pass.probabilities().sub(oneHot).divi(batch);
        for (int l = parameters.size() / 2 - 1; l >= 0; l--) {
            NDArray input = pass.layerInputs().get(l);
            grads[2 * l] = g.transpose().matMul(input);
            grads[2 * l + 1] = g.sum(new int[] {0});
            if (l > 0) {
                NDArray upstream = g.matMul(parameters.get(2 * l));
                NDArray active = input.gt(0f);
                g = dropoutMasks == null ? upstream.mul(active) : upstream.mul(dropoutMasks.get(l - 1)).mul(active);
            }
        }
        return Arrays.asList(grads);
    }
}
