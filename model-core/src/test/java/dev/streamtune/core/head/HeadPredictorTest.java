package dev.streamtune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeadPredictorTest {

    private static NDManager manager;
    private static MlpHead head;

    @BeforeAll
    static void trainedHead() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        head = MlpHead.create(new HeadConfig(6, List.of(5), 0f), List.of("a", "b", "c", "d"), new SplitMix64(4), manager);
    }

    @AfterAll
    static void release() {
        head.close();
        manager.close();
    }

    private static float[][] rows(int n, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        float[][] rows = new float[n][6];
        for (float[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private static HeadPredictor predictor() {
        return HeadPredictor.create(head.layout(), head.labels(), head.tensors());
    }

    @Test
    void predictsTopKMostProbableFirstMatchingTheHead() {
        float[][] x = rows(3, 1);
        float[][] expected = head.probabilities(x);
        try (HeadPredictor predictor = predictor()) {
            assertArrayEquals(expected[1], predictor.probabilities(x)[1]);
            List<List<ScoredLabel>> top = predictor.predict(x, 2);
            for (int r = 0; r < 3; r++) {
                assertEquals(2, top.get(r).size());
                assertTrue(top.get(r).get(0).probability() >= top.get(r).get(1).probability());
                int best = TopK.argmax(expected[r]);
                assertEquals(head.labels().get(best), top.get(r).get(0).label());
                assertEquals(expected[r][best], top.get(r).get(0).probability());
            }
            assertEquals(4, predictor.predict(x, 10).get(0).size(), "topK beyond the classes returns all");
        }
    }

    @Test
    void rejectsBadInputNamingTheRow() {
        try (HeadPredictor predictor = predictor()) {
            IllegalArgumentException dim = assertThrows(IllegalArgumentException.class,
                    () -> predictor.predict(new float[][] {new float[6], new float[5]}, 1));
            assertTrue(dim.getMessage().contains("row 1") && dim.getMessage().contains("dimension 5"), dim.getMessage());
            float[][] nan = rows(1, 2);
            nan[0][3] = Float.NaN;
            assertThrows(IllegalArgumentException.class, () -> predictor.predict(nan, 1));
            assertThrows(IllegalArgumentException.class, () -> predictor.predict(new float[0][], 1));
            assertThrows(IllegalArgumentException.class, () -> predictor.predict(rows(1, 3), 0));
        }
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheLayout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadPredictor.create(head.layout(), List.of("a", "b", "c"), head.tensors()));
        assertTrue(e.getMessage().contains("3 labels for 4 classes"), e.getMessage());
        List<FloatTensor> swapped = new ArrayList<>(head.tensors());
        swapped.set(0, swapped.get(1));
        assertThrows(IllegalArgumentException.class, () -> HeadPredictor.create(head.layout(), head.labels(), swapped));
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        float[][] x = rows(32, 7);
        try (HeadPredictor predictor = predictor()) {
            float[][] expected = predictor.probabilities(x);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> results = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    results.add(pool.submit(() -> predictor.probabilities(x)));
                }
                for (Future<float[][]> f : results) {
                    float[][] got = f.get();
                    for (int r = 0; r < x.length; r++) {
                        assertArrayEquals(expected[r], got[r]);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closedPredictorRejectsCalls() {
        HeadPredictor predictor = predictor();
        predictor.close();
        predictor.close();
        assertThrows(IllegalStateException.class, () -> predictor.predict(rows(1, 1), 1));
    }

    @Test
    void topKBreaksTiesByClassIndex() {
        List<ScoredLabel> top = TopK.of(new float[] {0.2f, 0.4f, 0.4f, 0.0f}, List.of("w", "x", "y", "z"), 3);
        assertEquals(List.of("x", "y", "w"), top.stream().map(ScoredLabel::label).toList());
    }
}
