package dev.streamtune.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fused update kernels against the update formulas written out in plain Java. */
class OptimizerTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    @Test
    void adamFollowsTheDocumentedUpdate() {
        OptimizerConfig config = OptimizerConfig.adam(0.01f).withWeightDecay(0.1f);
        float[] w = {0.5f, -1.0f, 2.0f};
        float[][] grads = {{0.1f, -0.2f, 0.3f}, {0.05f, 0.4f, -0.1f}};
        double[] m = new double[3];
        double[] v = new double[3];
        double[] expected = {w[0], w[1], w[2]};
        try (Optimizer adam = Optimizer.create(config, manager)) {
            NDArray param = manager.create(w);
            for (int t = 1; t <= grads.length; t++) {
                adam.update(List.of(param), List.of(manager.create(grads[t - 1])));
                double step = 0.01 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                for (int i = 0; i < 3; i++) {
                    expected[i] -= 0.01 * 0.1 * expected[i];
                    m[i] = 0.9 * m[i] + 0.1 * grads[t - 1][i];
                    v[i] = 0.999 * v[i] + 0.001 * grads[t - 1][i] * grads[t - 1][i];
                    expected[i] -= step * m[i] / (Math.sqrt(v[i]) + 1e-8);
                }
            }
            float[] actual = param.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], actual[i], 1e-6);
            }
            assertEquals(2, adam.steps());
        }
    }

    @Test
    void sgdWithMomentumFollowsTheDocumentedUpdate() {
        OptimizerConfig config = OptimizerConfig.sgd(0.1f, 0.9f).withWeightDecay(0.01f);
        try (Optimizer sgd = Optimizer.create(config, manager)) {
            NDArray param = manager.create(new float[] {1f, -2f});
            double[] w = {1, -2};
            double[] s = new double[2];
            float[][] grads = {{0.5f, 0.5f}, {-0.25f, 1f}};
            for (float[] g : grads) {
                sgd.update(List.of(param), List.of(manager.create(g)));
                for (int i = 0; i < 2; i++) {
                    s[i] = 0.9 * s[i] + 0.1 * (g[i] + 0.01 * w[i]);
                    w[i] -= s[i];
                }
            }
            assertEquals(w[0], param.toFloatArray()[0], 1e-6);
            assertEquals(w[1], param.toFloatArray()[1], 1e-6);
        }
    }

    @Test
    void grownParameterKeepsOldStateAndGetsZeroStateForNewRows() {
        try (Optimizer adam = Optimizer.create(OptimizerConfig.adam(0.01f), manager)) {
            NDArray small = manager.ones(new Shape(2, 3));
            adam.update(List.of(small), List.of(manager.ones(new Shape(2, 3))));
            SnapshotWriter before = new SnapshotWriter();
            adam.writeTo(before);
            NDArray grown = small.concat(manager.ones(new Shape(1, 3)), 0);
            adam.matchShapes(List.of(grown));
            SnapshotWriter after = new SnapshotWriter();
            adam.writeTo(after);
            SnapshotReader in = SnapshotReader.open(after.seal("OPTS", 1), "OPTS", 1, "optimizer");
            in.getLong();
            in.getInt();
            in.getInt();
            assertArrayEquals(new long[] {3, 3}, in.getLongs());
            float[] mean = in.getFloats(9);
            assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0f, 0f, 0f}, mean, 1e-7f);
            assertThrows(IllegalStateException.class, () -> adam.matchShapes(List.of(manager.ones(new Shape(3, 4)))));
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(0f));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(0.1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(0.1f).withWeightDecay(-1f));
        assertThrows(IllegalArgumentException.class, () -> LearnerConfig.defaults(8).withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> ReplayConfig.of(dev.streamtune.core.replay.ReplayPolicy.RESERVOIR, 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> LearnerConfig.defaults(8).withHoldout(1.5, 10));
    }
}
