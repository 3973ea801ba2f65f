package dev.streamtune.core.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written backward pass against PyTorch autograd. */
class MlpMathTest {

    @Test
    void backwardMatchesAutogradWithoutDropout() {
        compareWithAutograd(false);
    }

    @Test
    void backwardMatchesAutogradWithDropoutMasks() {
        compareWithAutograd(true);
    }

    @Test
    void backwardMatchesAutogradWithALogitMask() {
        compareWithAutograd(true, true);
    }

    @Test
    void maskedClassesGetNoGradient() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            List<NDArray> params = List.of(m.randomNormal(new Shape(3, 4)), m.zeros(new Shape(3)));
            NDArray x = m.randomNormal(new Shape(2, 4));
            NDArray target = m.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(2, 3));
            NDArray mask = m.create(new float[] {0, 0, -1e9f, 0, 0, -1e9f}, new Shape(2, 3));
            MlpMath.TrainingPass pass = MlpMath.forward(params, x, null, mask);
            assertEquals(0f, pass.probabilities().toFloatArray()[2]);
            List<NDArray> grads = MlpMath.backward(params, pass, target, null);
            float[] weightGrad = grads.get(0).toFloatArray();
            for (int k = 8; k < 12; k++) {
                assertEquals(0f, weightGrad[k], "row of the masked class");
            }
            assertEquals(0f, grads.get(1).toFloatArray()[2]);
        }
    }

    private static void compareWithAutograd(boolean dropout) {
        compareWithAutograd(dropout, false);
    }

    private static void compareWithAutograd(boolean dropout, boolean logitMask) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            int n = 6;
            int[] sizes = {5, 7, 4, 3};
            List<NDArray> params = new ArrayList<>();
            for (int l = 0; l + 1 < sizes.length; l++) {
                params.add(m.randomNormal(0, 0.5f, new Shape(sizes[l + 1], sizes[l]), ai.djl.ndarray.types.DataType.FLOAT32));
                params.add(m.randomNormal(0, 0.5f, new Shape(sizes[l + 1]), ai.djl.ndarray.types.DataType.FLOAT32));
            }
            NDArray x = m.randomNormal(new Shape(n, sizes[0]));
            float[] oneHot = new float[n * 3];
            for (int r = 0; r < n; r++) {
                oneHot[r * 3 + r % 3] = 1;
            }
            NDArray target = m.create(oneHot, new Shape(n, 3));
            List<NDArray> masks = null;
            if (dropout) {
                masks = List.of(m.randomUniform(0, 1, new Shape(n, 7)).gt(0.3f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(1 / 0.7f),
                        m.randomUniform(0, 1, new Shape(n, 4)).gt(0.3f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(1 / 0.7f));
            }
            NDArray excluded = logitMask ? m.create(new float[] {0, 0, 0, 0, 0, -1e9f, -1e9f, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1e9f, 0},
                    new Shape(n, 3)) : null;
            List<NDArray> manual = MlpMath.backward(params, MlpMath.forward(params, x, masks, excluded), target, masks);
            params.forEach(p -> p.setRequiresGradient(true));
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray p = MlpMath.forward(params, x, masks, excluded).probabilities();
                NDArray loss = p.add(1e-30f).log().mul(target).sum().neg().div(n);
                collector.backward(loss);
            }
            for (int i = 0; i < params.size(); i++) {
                float[] expected = params.get(i).getGradient().toFloatArray();
                float[] actual = manual.get(i).toFloatArray();
                assertEquals(expected.length, actual.length);
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(expected[k], actual[k], 1e-5f, "parameter " + i + " element " + k);
                }
            }
        }
    }
}
