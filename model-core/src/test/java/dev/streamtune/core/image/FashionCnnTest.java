package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FashionCnnTest {

    private static TensorSet small;

    @BeforeAll
    static void readData() throws IOException {
        LabeledImages images = FashionMnist.installed().read(FashionMnist.Split.TEST).classRange(0, 4).samplePerClass(40, 3);
        small = TensorSet.fromImages(images, new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST));
    }

    @Test
    void featureExtractorOutputsTheArchitecturesDimension() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 1)) {
            float[][] features = BlockInference.outputs(cnn.model(), cnn.features(), small, 64);
            float[][] logits = BlockInference.outputs(cnn.model(), cnn.model().getBlock(), small, 64);
            assertEquals(128, features[0].length);
            assertEquals(5, logits[0].length);
        }
    }

    @Test
    void sameSeedGivesSameInitialWeights() {
        try (FashionCnn a = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 9);
                FashionCnn b = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 9);
                FashionCnn c = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 10)) {
            float[] wa = firstWeight(a);
            assertArrayEquals(wa, firstWeight(b));
            assertFalse(java.util.Arrays.equals(wa, firstWeight(c)));
        }
    }

    @Test
    void trainingLowersTheLossAndBeatsChance() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 2)) {
            List<ClassifierTrainer.EpochStats> history = new ClassifierTrainer(new ClassifierTrainer.Settings(3, 0, 25, 2))
                    .train(cnn.model(), adam(1e-3f), small, stats -> { });
            assertEquals(3, history.size());
            assertTrue(history.get(2).loss() < history.get(0).loss(), history.toString());
            assertTrue(BlockInference.accuracy(cnn.model(), small, 100) > 0.5, history.toString());
        }
    }

    @Test
    void frozenFeaturesStayUnchangedWhileTheHeadLearns() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 4)) {
            cnn.freezeFeatures(true);
            assertOnlyTheHeadLearns(cnn, adam(1e-2f));
        }
    }

    @Test
    void splitRateOptimizerUpdatesBackboneAndHeadWithTheirOwnRates() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 5)) {
            Optimizer split = new SplitRateOptimizer(cnn.featureParameterIds(),
                    Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0f)).build(), adam(1e-2f));
            assertOnlyTheHeadLearns(cnn, split);
        }
    }

    @Test
    void minStepsAddPassesForSmallDataSets() {
        assertEquals(10, new ClassifierTrainer.Settings(3, 20, 32, 0).passesFor(50));
        assertEquals(3, new ClassifierTrainer.Settings(3, 20, 32, 0).passesFor(5000));
    }

    @Test
    void divergingTrainingStopsWithAClearErrorInsteadOfNaNWeights() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 6)) {
            ClassifierTrainer trainer = new ClassifierTrainer(new ClassifierTrainer.Settings(20, 0, 50, 6));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> trainer.train(cnn.model(), adam(1e30f), small, s -> { }));
            assertTrue(e.getMessage().startsWith("training diverged"), e.getMessage());
        }
    }

    @Test
    void rejectsEmptyTrainingSet() {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 7)) {
            TensorSet empty = new TensorSet(new float[0], new int[0], small.sampleShape());
            assertThrows(IllegalArgumentException.class, () -> new ClassifierTrainer(new ClassifierTrainer.Settings(1, 0, 8, 0))
                    .train(cnn.model(), adam(1e-3f), empty, s -> { }));
        }
    }

    @Test
    void rejectsHeadWithFewerThanTwoClasses() {
        assertThrows(IllegalArgumentException.class, () -> FashionCnnArchitecture.DEFAULT.newHead(1));
    }

    static Optimizer adam(float learningRate) {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    }

    private static float[] firstWeight(FashionCnn cnn) {
        return cnn.features().getParameters().valueAt(0).getArray().toFloatArray();
    }

    private static Map<String, float[]> snapshot(FashionCnn cnn) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Parameter p : cnn.model().getBlock().getParameters().values()) {
            values.put(p.getId(), p.getArray().toFloatArray());
        }
        return values;
    }

    private static void assertOnlyTheHeadLearns(FashionCnn cnn, Optimizer optimizer) {
        Map<String, float[]> before = snapshot(cnn);
        new ClassifierTrainer(new ClassifierTrainer.Settings(1, 0, 50, 4)).train(cnn.model(), optimizer, small, s -> { });
        Map<String, float[]> after = snapshot(cnn);
        for (String id : cnn.featureParameterIds()) {
            assertArrayEquals(before.get(id), after.get(id), "backbone parameter changed");
        }
        Parameter headWeight = cnn.head().getParameters().get("weight");
        assertFalse(java.util.Arrays.equals(before.get(headWeight.getId()), after.get(headWeight.getId())),
                "head did not learn");
    }
}
