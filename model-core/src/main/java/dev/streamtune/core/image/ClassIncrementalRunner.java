package dev.streamtune.core.image;

import ai.djl.training.optimizer.Optimizer;
import dev.streamtune.core.eval.AccuracyMatrix;
import dev.streamtune.core.image.ClassIncrementalSplit.Experience;
import dev.streamtune.core.replay.ImageReplayBuffer;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one continual-learning method over class-incremental experiences with a freshly initialised
 * {@link FashionCnn} (one head over all classes, every layer trained) and measures the accuracy matrix: after
 * each experience, the accuracy (arg-max over all classes, no task id) on the test images of every experience seen
 * so far. Methods: naive fine-tuning (the lower bound), experience replay of raw images, and joint training on all
 * experiences at once (the upper bound; its matrix has only the last row, so it has no forgetting).
 */
public final class ClassIncrementalRunner {

    /**
     * A method: no replay, replay with a buffer, or joint training.
     *
     * @param name label for tables
     * @param policy replay policy, {@code null} without replay
     * @param capacity replay buffer size in images, 0 without replay
     * @param joint whether all experiences are trained at once
     */
    public record Method(String name, ReplayPolicy policy, int capacity, boolean joint) {

        /** Validates that replay has a policy and a capacity, and joint training no buffer. */
        public Method {
            if ((policy == null) != (capacity == 0) || capacity < 0 || (joint && policy != null)) {
                throw new IllegalArgumentException("method " + name + ": replay needs a policy and a capacity > 0,"
                        + " joint training neither; got " + policy + ", " + capacity + ", joint " + joint);
            }
        }

        /** Fine-tuning on each experience in turn without replay. */
        public static Method naive() {
            return new Method("naive", null, 0, false);
        }

        /** Experience replay from a buffer of {@code capacity} raw images. */
        public static Method replay(ReplayPolicy policy, int capacity) {
            return new Method("ER-" + capacity + " " + policy.id(), policy, capacity, false);
        }

        /** All experiences' images in one training run. */
        public static Method jointTraining() {
            return new Method("joint", null, 0, true);
        }
    }

    /**
     * What one method achieved.
     *
     * @param method the method
     * @param accuracy the accuracy matrix
     * @param testImages test images behind the final average accuracy
     * @param trainedImages images through training steps (new and replayed)
     * @param replayedImages of those, replayed ones
     * @param steps optimizer steps
     * @param trainingSeconds wall seconds in training steps
     * @param trainingCpuSeconds process CPU seconds in training steps
     * @param replayBytes heap bytes of the replay buffer at the end (0 without replay)
     */
    public record Result(Method method, AccuracyMatrix accuracy, int testImages, long trainedImages,
            long replayedImages, long steps, double trainingSeconds, double trainingCpuSeconds, long replayBytes) {

        /** Training throughput per wall second (depends on what else the machine runs). */
        public double samplesPerSecond() {
            return trainedImages / trainingSeconds;
        }

        /** Training throughput per CPU second of the process. */
        public double samplesPerCpuSecond() {
            return trainedImages / trainingCpuSeconds;
        }

        /** Binomial standard error of the final average accuracy over {@link #testImages()}. */
        public double standardError() {
            double a = accuracy.finalAverageAccuracy();
            return Math.sqrt(a * (1 - a) / testImages);
        }
    }

    private final List<Experience> experiences;
    private final List<TensorSet> tests;
    private final ImagePreprocessor preprocessor;
    private final FashionCnnArchitecture architecture;
    private final ContinualImageTrainer.Settings settings;
    private final Supplier<Optimizer> optimizers;

    /**
     * A runner over {@code experiences}; their test images are preprocessed once here, for every run.
     *
     * @param optimizers a new optimizer per run
     */
    public ClassIncrementalRunner(List<Experience> experiences, ImagePreprocessor preprocessor,
            FashionCnnArchitecture architecture, ContinualImageTrainer.Settings settings,
            Supplier<Optimizer> optimizers) {
        if (experiences.isEmpty()) {
            throw new IllegalArgumentException("need at least one experience");
        }
        this.experiences = List.copyOf(experiences);
        this.tests = experiences.stream().map(e -> TensorSet.fromImages(e.test(), preprocessor)).toList();
        this.preprocessor = preprocessor;
        this.architecture = architecture;
        this.settings = settings;
        this.optimizers = optimizers;
    }

    /** Runs {@code method} from a CNN initialised with the settings' seed. */
    public Result run(Method method) {
        int classes = experiences.get(experiences.size() - 1).lastClass() + 1;
        int last = experiences.size() - 1;
        AccuracyMatrix accuracy = new AccuracyMatrix(experiences.size());
        ImageReplayBuffer replay = method.policy() == null ? null : ImageReplayBuffer.create(method.policy(),
                method.capacity(), architecture.inputSize() * architecture.inputSize(), settings.seed());
        try (FashionCnn cnn = FashionCnn.random(architecture, classes, settings.seed());
                ContinualImageTrainer trainer = new ContinualImageTrainer(cnn, optimizers.get(), preprocessor, replay,
                        settings)) {
            if (method.joint()) {
                trainer.learn(ClassIncrementalSplit.jointTrain(experiences), "joint-");
                evaluate(trainer, accuracy, last);
            } else {
                for (Experience experience : experiences) {
                    trainer.learn(experience.train(), "e" + experience.index() + "-");
                    evaluate(trainer, accuracy, experience.index());
                }
            }
            int testImages = tests.stream().mapToInt(TensorSet::size).sum();
            return new Result(method, accuracy, testImages, trainer.trainedImages(), trainer.replayedImages(),
                    trainer.steps(), trainer.trainingSeconds(), trainer.trainingCpuSeconds(),
                    replay == null ? 0 : replay.retainedBytes());
        }
    }

    private void evaluate(ContinualImageTrainer trainer, AccuracyMatrix accuracy, int after) {
        for (int j = 0; j <= after; j++) {
            accuracy.set(after, j, trainer.accuracy(tests.get(j)));
        }
    }
}
