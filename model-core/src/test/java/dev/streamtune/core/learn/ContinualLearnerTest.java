package dev.streamtune.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.head.ScoredLabel;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.core.snapshot.SnapshotFormatException;
import dev.streamtune.core.weights.ArtifactPolicy;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.VersionInfo;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ContinualLearnerTest {

    private static final SyntheticStream STREAM = new SyntheticStream(16, 4, 99);

    private static LearnerConfig config() {
        return LearnerConfig.defaults(16).withHead(new HeadConfig(16, List.of(32), 0.1f)).withBatchSize(16)
                .withReplay(ReplayConfig.of(ReplayPolicy.CLASS_BALANCED, 64, 0.5)).withHoldout(0.1, 200)
                .withOptimizer(OptimizerConfig.adam(5e-3f).withWeightDecay(1e-4f)).withSeed(7);
    }

    private static List<List<Example>> experiences() {
        return List.of(STREAM.examples("e0", 64, List.of(0, 1), 0, 1), STREAM.examples("e1", 64, List.of(2, 3), 64, 2),
                STREAM.examples("e2", 64, List.of(0, 1, 2, 3), 128, 3));
    }

    private static List<FloatTensor> train(LearnerConfig config, List<List<Example>> stream) {
        try (ContinualLearner learner = ContinualLearner.create(config)) {
            stream.forEach(learner::learn);
            return learner.weights();
        }
    }

    @Test
    void learnsSeparableClassesAndReportsPerClassHoldoutAccuracy() {
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            for (int e = 0; e < 3; e++) {
                learner.learn(STREAM.examples("e" + e, 120, List.of(0, 1, 2, 3), 0, e), 2);
            }
            EvaluationResult holdout = learner.evaluateHoldout();
            assertTrue(holdout.total() > 20, "ids held out: " + holdout.total());
            assertTrue(holdout.accuracy() > 0.9, "holdout accuracy " + holdout.accuracy());
            assertEquals(4, holdout.perClass().size());
            EvaluationResult fresh = learner.evaluate(STREAM.examples("test", 200, List.of(0, 1, 2, 3), 0, 42));
            assertTrue(fresh.accuracy() > 0.9, "test accuracy " + fresh.accuracy());
        }
    }

    @Test
    void sameSeedAndStreamGiveBitIdenticalWeights() {
        List<FloatTensor> first = train(config(), experiences());
        assertEquals(first, train(config(), experiences()));
        assertNotEquals(first, train(config().withSeed(8), experiences()));
    }

    @Test
    void restoredLearnerContinuesBitIdentically() {
        List<List<Example>> stream = experiences();
        try (ContinualLearner original = ContinualLearner.create(config())) {
            original.learn(stream.get(0));
            original.learn(stream.get(1));
            byte[] snapshot = original.snapshot();
            try (ContinualLearner restored = ContinualLearner.restore(snapshot)) {
                assertArrayEquals(snapshot, restored.snapshot(), "restore then snapshot reproduces the bytes");
                LearnReport a = original.learn(stream.get(2), 2);
                LearnReport b = restored.learn(stream.get(2), 2);
                assertEquals(a, b);
                assertEquals(original.weights(), restored.weights());
                assertArrayEquals(original.snapshot(), restored.snapshot());
                assertEquals(original.stats(), restored.stats());
            }
        }
    }

    @Test
    void growsTheHeadWhenANewLabelAppears() {
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            LearnReport first = learner.learn(STREAM.examples("a", 20, List.of(1, 0), 0, 1));
            assertEquals(List.of("class-1", "class-0"), first.newLabels());
            LearnReport second = learner.learn(STREAM.examples("b", 20, List.of(0, 3), 0, 2));
            assertEquals(List.of("class-3"), second.newLabels());
            assertEquals(List.of("class-1", "class-0", "class-3"), learner.labels());
            assertEquals(3, learner.stats().classes());
        }
    }

    @Test
    void mixesReplayedSamplesIntoEveryStepOnceTheBufferHasSome() {
        LearnerConfig config = config().withBatchSize(8).withHoldout(0, 1);
        try (ContinualLearner learner = ContinualLearner.create(config)) {
            LearnReport first = learner.learn(STREAM.examples("a", 16, List.of(0), 0, 1));
            assertEquals(3, first.steps(), "8 new, then the buffer has samples: 4 new + 4 replayed, twice");
            assertEquals(8, first.replayed());
            LearnReport second = learner.learn(STREAM.examples("b", 16, List.of(1), 0, 2));
            assertEquals(4, second.steps(), "4 new + 4 replayed per step");
            assertEquals(16, second.replayed());
            assertEquals(32, learner.stats().replaySize());
        }
        try (ContinualLearner naive = ContinualLearner.create(config.withReplay(ReplayConfig.none()))) {
            naive.learn(STREAM.examples("a", 16, List.of(0), 0, 1));
            assertEquals(0, naive.learn(STREAM.examples("b", 16, List.of(1), 0, 2)).replayed());
        }
    }

    @Test
    void heldOutExamplesAreNeverTrainedOn() {
        List<Example> batch = STREAM.examples("h", 300, List.of(0, 1), 500, 5);
        long expectedHeld = batch.stream().filter(e -> new HoldoutSelector(0.1).isHoldout(e.id())).count();
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            LearnReport report = learner.learn(batch);
            assertEquals(expectedHeld, report.heldOut());
            assertEquals(300 - expectedHeld, report.trained());
            LearnerStats stats = learner.stats();
            assertEquals(expectedHeld, stats.holdoutSize());
            assertEquals(500, stats.firstOffset());
            assertEquals(799, stats.lastOffset());
        }
    }

    @Test
    void rejectsInvalidExamplesBeforeChangingAnything() {
        assertThrows(IllegalArgumentException.class, () -> Example.of("nan", new float[] {1, Float.NaN}, "a"));
        assertThrows(IllegalArgumentException.class, () -> Example.of("inf", new float[] {Float.NEGATIVE_INFINITY}, "a"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Example.of("e", new float[] {1}, " "));
        assertTrue(empty.getMessage().contains("label is empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Example.of("", new float[] {1}, "a"));
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            learner.learn(STREAM.examples("ok", 32, List.of(0, 1), 0, 1));
            byte[] before = learner.snapshot();
            List<Example> batch = new ArrayList<>(STREAM.examples("more", 10, List.of(2), 0, 2));
            batch.add(Example.of("short-one", new float[15], "class-2"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> learner.learn(batch));
            assertTrue(e.getMessage().contains("batch item 10") && e.getMessage().contains("short-one")
                    && e.getMessage().contains("dimension 15, expected 16"), e.getMessage());
            assertArrayEquals(before, learner.snapshot(), "failed call leaves the learner unchanged");
            assertThrows(IllegalArgumentException.class, () -> learner.learn(batch.subList(0, 2), 0));
        }
    }

    @Test
    void restoreRejectsCorruptSnapshots() {
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            learner.learn(STREAM.examples("ok", 32, List.of(0, 1), 0, 1));
            byte[] bytes = learner.snapshot();
            byte[] flipped = bytes.clone();
            flipped[bytes.length / 3] ^= 4;
            assertEquals(SnapshotFormatException.Reason.CHECKSUM_MISMATCH,
                    assertThrows(SnapshotFormatException.class, () -> ContinualLearner.restore(flipped)).reason());
            assertEquals(SnapshotFormatException.Reason.LENGTH_MISMATCH,
                    assertThrows(SnapshotFormatException.class, () -> ContinualLearner.restore(Arrays.copyOf(bytes, 1000))).reason());
        }
    }

    @Test
    void sgdWithMomentumAlsoLearns() {
        LearnerConfig sgd = config().withOptimizer(OptimizerConfig.sgd(0.05f, 0.9f).withWeightDecay(1e-4f));
        try (ContinualLearner learner = ContinualLearner.create(sgd)) {
            learner.learn(STREAM.examples("s", 200, List.of(0, 1, 2, 3), 0, 1), 2);
            double accuracy = learner.evaluate(STREAM.examples("t", 200, List.of(0, 1, 2, 3), 0, 2)).accuracy();
            assertTrue(accuracy > 0.9, "accuracy " + accuracy);
            ContinualLearner restored = ContinualLearner.restore(learner.snapshot());
            List<Example> more = STREAM.examples("m", 64, List.of(0, 3), 0, 3);
            learner.learn(more);
            restored.learn(more);
            assertEquals(learner.weights(), restored.weights());
            restored.close();
        }
    }

    @Test
    void learnersOnDifferentThreadsDoNotInterfere() throws Exception {
        List<FloatTensor> sequential = train(config(), experiences());
        CompletableFuture<List<FloatTensor>> a = CompletableFuture.supplyAsync(() -> train(config(), experiences()));
        CompletableFuture<List<FloatTensor>> b = CompletableFuture.supplyAsync(() -> train(config(), experiences()));
        assertEquals(sequential, a.get());
        assertEquals(sequential, b.get());
    }

    @Test
    void exportedArtifactPredictsLikeTheLearner() {
        BackboneInfo backbone = new BackboneInfo("test-backbone", "0f".repeat(32), 16, Modality.TEXT);
        byte[] key = {1, 2, 3};
        try (ContinualLearner learner = ContinualLearner.create(config())) {
            assertThrows(IllegalStateException.class, () -> learner.exportWeights(versionInfo(backbone), key));
            experiences().forEach(learner::learn);
            WeightsArtifact exported = learner.exportWeights(versionInfo(backbone), key);
            WeightsArtifact read = new WeightsArtifactReader(ArtifactPolicy.defaults().requireSignature(key))
                    .read(exported.bytes(), exported.sha256(), exported.signature());
            assertEquals(learner.labels(), read.labels());
            assertEquals(List.of(32), read.metadata().hidden());
            float[][] rows = STREAM.examples("q", 5, List.of(0, 1, 2, 3), 0, 11).stream().map(Example::features)
                    .toArray(float[][]::new);
            try (HeadPredictor predictor = read.newPredictor(backbone)) {
                List<List<ScoredLabel>> expected = learner.predict(rows, 2);
                assertEquals(expected, predictor.predict(rows, 2));
            }
            BackboneInfo wrongDim = new BackboneInfo("test-backbone", "0f".repeat(32), 8, Modality.TEXT);
            assertThrows(IllegalArgumentException.class, () -> learner.exportWeights(versionInfo(wrongDim), null));
        }
    }

    private static VersionInfo versionInfo(BackboneInfo backbone) {
        return new VersionInfo("synthetic", 1, null, backbone, Map.of(), new Lineage(0, 0, List.of()), 0L);
    }

    @Test
    void predictsTopKAndRefusesUseAfterClose() {
        ContinualLearner learner = ContinualLearner.create(config());
        assertEquals(0, learner.evaluate(STREAM.examples("x", 4, List.of(0), 0, 1)).correct(), "no classes yet: all wrong");
        learner.learn(STREAM.examples("p", 64, List.of(0, 1, 2), 0, 1), 3);
        float[][] rows = {STREAM.examples("q", 1, List.of(2), 0, 9).get(0).features()};
        assertEquals(3, learner.predict(rows, 5).get(0).size());
        learner.close();
        assertThrows(IllegalStateException.class, () -> learner.predict(rows, 1));
        assertThrows(IllegalStateException.class, learner::snapshot);
    }
}
