package dev.streamtune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.random.SplitMix64;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MlpHeadTest {

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
    void growthKeepsOldClassRowsBitIdentical() {
        try (MlpHead head = MlpHead.create(new HeadConfig(8, List.of(6), 0f), List.of("a", "b"), new SplitMix64(1), manager)) {
            List<FloatTensor> before = head.tensors();
            assertEquals(List.of("c"), head.grow(List.of("a", "c", "c"), new SplitMix64(2)));
            List<FloatTensor> after = head.tensors();
            assertEquals(before.get(0), after.get(0), "hidden weights untouched");
            assertEquals(before.get(1), after.get(1), "hidden bias untouched");
            float[] oldWeight = before.get(2).data();
            float[] newWeight = after.get(2).data();
            assertArrayEquals(new int[] {3, 6}, after.get(2).shape());
            assertArrayEquals(oldWeight, Arrays.copyOf(newWeight, oldWeight.length), "old output rows bit-identical");
            float[] newRow = Arrays.copyOfRange(newWeight, 12, 18);
            assertTrue(Arrays.stream(box(newRow)).anyMatch(v -> v != 0f), "new row initialised");
            for (float v : newRow) {
                assertTrue(Math.abs(v) <= 1 / Math.sqrt(6) + 1e-6, "within the nn.Linear init bound: " + v);
            }
            assertArrayEquals(Arrays.copyOf(before.get(3).data(), 2), Arrays.copyOf(after.get(3).data(), 2));
            assertEquals(0f, after.get(3).data()[2]);
            assertEquals(List.of("a", "b", "c"), head.labels());
            assertEquals(2, head.classIndex("c"));
        }
    }

    @Test
    void growthKeepsOldClassLogits() {
        try (MlpHead head = MlpHead.create(new HeadConfig(8, List.of(6), 0f), List.of("a", "b"), new SplitMix64(1), manager);
                NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.randomNormal(new Shape(5, 8));
            float[] before = MlpMath.logits(head.parameters(), x).toFloatArray();
            head.grow(List.of("c", "d"), new SplitMix64(3));
            float[] after = MlpMath.logits(head.parameters(), x).toFloatArray();
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(before[r * 2 + c], after[r * 4 + c], 1e-6f);
                }
            }
        }
    }

    @Test
    void growsFromNoClassesAndWorksAsALinearHead() {
        try (MlpHead head = MlpHead.create(HeadConfig.linear(4), List.of(), new SplitMix64(1), manager)) {
            assertEquals(0, head.numClasses());
            assertThrows(IllegalStateException.class, () -> head.probabilities(new float[][] {{1, 2, 3, 4}}));
            head.grow(List.of("x", "y"), new SplitMix64(2));
            float[][] p = head.probabilities(new float[][] {{1, 2, 3, 4}});
            assertEquals(2, p[0].length);
            assertEquals(1f, p[0][0] + p[0][1], 1e-6f);
            assertEquals(List.of("output.weight", "output.bias"), head.layout().tensorNames());
        }
    }

    @Test
    void rejectsEmptyAndDuplicateLabels() {
        try (MlpHead head = MlpHead.create(HeadConfig.linear(4), List.of("a"), new SplitMix64(1), manager)) {
            assertThrows(IllegalArgumentException.class, () -> head.grow(List.of(" "), new SplitMix64(2)));
            assertEquals(1, head.numClasses());
        }
        assertThrows(IllegalArgumentException.class, () -> new LabelIndex(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new LabelIndex(List.of("x".repeat(257))));
    }

    @Test
    void rebuildsFromTensorsAndRejectsWrongShapes() {
        HeadConfig config = new HeadConfig(4, List.of(3), 0f);
        try (MlpHead head = MlpHead.create(config, List.of("a", "b"), new SplitMix64(1), manager);
                MlpHead copy = MlpHead.fromTensors(config, head.labels(), head.tensors(), manager)) {
            assertEquals(head.tensors(), copy.tensors());
            List<FloatTensor> tensors = head.tensors();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MlpHead.fromTensors(config, List.of("a", "b", "c"), tensors, manager));
            assertTrue(e.getMessage().contains("output.weight"), e.getMessage());
        }
    }

    @Test
    void rejectsInvalidConfigs() {
        assertThrows(IllegalArgumentException.class, () -> new HeadConfig(0, List.of(), 0f));
        assertThrows(IllegalArgumentException.class, () -> new HeadConfig(4, List.of(0), 0f));
        assertThrows(IllegalArgumentException.class, () -> new HeadConfig(4, List.of(), 1f));
        assertThrows(IllegalArgumentException.class, () -> new FloatTensor("t", new int[] {2, 2}, new float[3]));
    }

    private static Float[] box(float[] values) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
