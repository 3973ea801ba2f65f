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

    private static void compareWithAutograd(boolean dropout) {
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
            List<NDArray> manual = MlpMath.backward(params, MlpMath.forward(params, x, masks), target, masks);
            params.forEach(p -> p.setRequiresGradient(true));
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray p = MlpMath.forward(params, x, masks).probabilities();
                NDArray loss = p.log().mul(target).sum().neg().div(n);
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
