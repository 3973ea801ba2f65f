package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.streamtune.core.eval.AccuracyMatrix;
import dev.streamtune.core.image.ClassIncrementalRunner.Method;
import dev.streamtune.core.image.ClassIncrementalSplit.Experience;
import dev.streamtune.core.replay.ImageReplayBuffer;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The continual loop on a tiny CNN over 8x8 synthetic images: counts, replay mixing, bad input. No timing. */
class ContinualImageTrainerTest {

    private static final FashionCnnArchitecture TINY = new FashionCnnArchitecture(8, 2, 2, 4);
    private static final ImagePreprocessor PREPROCESSOR =
            new ImagePreprocessor(new ImagePreprocessing(8, 8, 1, new float[] {0.5f}, new float[] {0.5f}));

    /** {@code perClass} noisy 8x8 images per class; class c is bright in row c. */
    private static LabeledImages images(int firstClass, int lastClass, int perClass, long seed) {
        Random random = new Random(seed);
        int n = (lastClass - firstClass + 1) * perClass;
        byte[] pixels = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = firstClass + i % (lastClass - firstClass + 1);
            for (int p = 0; p < 64; p++) {
                int bright = p / 8 == labels[i] ? 200 : 30;
                pixels[i * 64 + p] = (byte) (bright + random.nextInt(40));
            }
        }
        return new LabeledImages(pixels, labels, 8, 8);
    }

    private static Optimizer sgd() {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    }

    @Test
    void mixesAReplayBatchIntoEveryStepOnceTheBufferHoldsImages() {
        ImageReplayBuffer replay = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 6, 64, 1);
        try (FashionCnn cnn = FashionCnn.random(TINY, 4, 1);
                ContinualImageTrainer trainer = new ContinualImageTrainer(cnn, sgd(), PREPROCESSOR, replay,
                        new ContinualImageTrainer.Settings(2, 4, 4, 1))) {
            trainer.learn(images(0, 1, 4, 1), "a-");
            // pass 1: step 1 has an empty buffer, step 2 replays 4 of the 4 images offered after step 1; pass 2: 4 + 4 each
            assertEquals(4, trainer.steps());
            assertEquals(12, trainer.replayedImages());
            assertEquals(28, trainer.trainedImages());
            assertEquals(6, replay.size(), "8 images offered once each (first pass only) into 6 slots");
            assertEquals(8, replay.seen());
            trainer.learn(images(2, 3, 4, 2), "b-");
            assertEquals(16, replay.seen());
            assertEquals(12 + 16, trainer.replayedImages());
            assertTrue(trainer.trainingSeconds() > 0 && trainer.trainingCpuSeconds() >= 0);
        }
    }

    @Test
    void withoutReplayTrainsOnlyNewImages() {
        try (FashionCnn cnn = FashionCnn.random(TINY, 4, 1);
                ContinualImageTrainer trainer = new ContinualImageTrainer(cnn, sgd(), PREPROCESSOR, null,
                        new ContinualImageTrainer.Settings(1, 3, 4, 1))) {
            trainer.learn(images(0, 1, 5, 1), "a-");
            assertEquals(4, trainer.steps());
            assertEquals(10, trainer.trainedImages());
            assertEquals(0, trainer.replayedImages());
        }
    }

    @Test
    void rejectsImagesOfAnotherSizeAndAMismatchedBuffer() {
        try (FashionCnn cnn = FashionCnn.random(TINY, 4, 1);
                ContinualImageTrainer trainer = new ContinualImageTrainer(cnn, sgd(), PREPROCESSOR, null,
                        new ContinualImageTrainer.Settings(1, 3, 4, 1))) {
            assertThrows(IllegalArgumentException.class,
                    () -> trainer.learn(new LabeledImages(new byte[49], new int[] {0}, 7, 7), "x-"));
            assertThrows(IllegalArgumentException.class,
                    () -> trainer.learn(new LabeledImages(new byte[0], new int[0], 8, 8), "x-"));
            ImageReplayBuffer wrong = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 6, 784, 1);
            assertThrows(IllegalArgumentException.class, () -> new ContinualImageTrainer(cnn, sgd(), PREPROCESSOR,
                    wrong, new ContinualImageTrainer.Settings(1, 3, 4, 1)));
        }
        assertThrows(IllegalArgumentException.class, () -> new ContinualImageTrainer.Settings(0, 3, 4, 1));
    }

    @Test
    void runnerFillsTheLowerTriangleForStreamsAndOnlyTheLastRowForJointTraining() {
        List<Experience> experiences = ClassIncrementalSplit.split(
                LabeledImages.concat(List.of(images(0, 1, 12, 3), images(2, 3, 12, 4))),
                LabeledImages.concat(List.of(images(0, 1, 6, 5), images(2, 3, 6, 6))), 2, 0, 1);
        ClassIncrementalRunner runner = new ClassIncrementalRunner(experiences, PREPROCESSOR, TINY,
                new ContinualImageTrainer.Settings(2, 6, 6, 1), ContinualImageTrainerTest::sgd);
        ClassIncrementalRunner.Result replay = runner.run(Method.replay(ReplayPolicy.CLASS_BALANCED, 8));
        AccuracyMatrix a = replay.accuracy();
        assertFalse(Double.isNaN(a.get(0, 0)) || Double.isNaN(a.get(1, 0)) || Double.isNaN(a.get(1, 1)));
        assertTrue(Double.isNaN(a.get(0, 1)), "experience 2 is not tested before it is trained");
        assertTrue(replay.replayedImages() > 0 && replay.replayBytes() >= 8 * 64);
        assertEquals(24, replay.testImages());
        ClassIncrementalRunner.Result joint = runner.run(Method.jointTraining());
        assertTrue(Double.isNaN(joint.accuracy().get(0, 0)));
        assertFalse(Double.isNaN(joint.accuracy().finalAverageAccuracy()));
        assertTrue(Double.isNaN(joint.accuracy().finalForgetting()), "joint training forgets nothing it was shown");
        assertEquals(0, joint.replayedImages());
    }

    @Test
    void methodsRejectInconsistentReplaySettings() {
        assertThrows(IllegalArgumentException.class, () -> new Method("x", ReplayPolicy.RESERVOIR, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Method("x", null, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new Method("x", ReplayPolicy.RESERVOIR, 10, true));
        assertEquals("ER-500 reservoir", Method.replay(ReplayPolicy.RESERVOIR, 500).name());
    }
}
