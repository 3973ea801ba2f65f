package dev.streamtune.core.image;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import com.sun.management.OperatingSystemMXBean;
import dev.streamtune.core.replay.ImageReplayBuffer;
import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * Trains a {@link FashionCnn} end to end (every layer, the fine-tune strategy with nothing frozen) on a stream of
 * experiences, one after the other, optionally with experience replay of raw images (ER: Chaudhry et al. 2019,
 * as run by Buzzega et al. 2020): each step is a batch of new images plus up to {@code replayBatch} images drawn
 * from an {@link ImageReplayBuffer}, and each new image is offered to the buffer once, right after the step that
 * first trained on it. Replayed pixels go through the same preprocessing as new ones. One DJL trainer (and
 * optimizer state) lives across all experiences; close it with this object.
 *
 * <p>Counts every image that went through a training step (new and replayed) and the wall and process CPU time of
 * the steps, for throughput. Shuffling is seeded.
 */
public final class ContinualImageTrainer implements AutoCloseable {

    /**
     * Loop sizes.
     *
     * @param epochs passes over each experience's images
     * @param batchSize new images per step
     * @param replayBatch replayed images added to each step (when a buffer is given)
     * @param seed shuffling seed
     */
    public record Settings(int epochs, int batchSize, int replayBatch, long seed) {
        /** Validates the sizes. */
        public Settings {
            if (epochs < 1 || batchSize < 1 || replayBatch < 0) {
                throw new IllegalArgumentException("need epochs >= 1, batchSize >= 1, replayBatch >= 0; got " + epochs
                        + ", " + batchSize + ", " + replayBatch);
            }
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final FashionCnn cnn;
    private final Trainer trainer;
    private final ImagePreprocessor preprocessor;
    private final ImageReplayBuffer replay;
    private final Settings settings;
    private final Random random;
    private long trainedImages;
    private long replayedImages;
    private long steps;
    private long stepNanos;
    private long stepCpuNanos;

    /**
     * A trainer for all of {@code cnn}'s unfrozen parameters.
     *
     * @param replay the buffer to replay from and offer to, or {@code null} for no replay
     * @throws IllegalArgumentException when the buffer's image size is not the preprocessing's
     */
    public ContinualImageTrainer(FashionCnn cnn, Optimizer optimizer, ImagePreprocessor preprocessor,
            ImageReplayBuffer replay, Settings settings) {
        ImagePreprocessing p = preprocessor.settings();
        if (p.channels() != 1) {
            throw new IllegalArgumentException("raw-image replay needs grayscale input, got " + p.channels() + " channels");
        }
        if (replay != null && replay.imageBytes() != p.width() * p.height()) {
            throw new IllegalArgumentException("replay buffer holds " + replay.imageBytes() + "-byte images, the"
                    + " preprocessing expects " + p.width() + "x" + p.height());
        }
        this.cnn = cnn;
        this.preprocessor = preprocessor;
        this.replay = replay;
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.trainer = cnn.model().newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer));
    }

    /**
     * Trains on one experience's images for {@code epochs} passes (with replay when configured), offering each
     * image to the buffer after its first step. Ids are {@code idPrefix + index}.
     *
     * @throws IllegalArgumentException for no images or images of another size than the preprocessing's
     * @throws IllegalStateException when the loss becomes NaN or infinite
     */
    public void learn(LabeledImages images, String idPrefix) {
        ImagePreprocessing p = preprocessor.settings();
        if (images.size() == 0 || images.rows() != p.height() || images.cols() != p.width()) {
            throw new IllegalArgumentException("need a non-empty set of " + p.height() + "x" + p.width() + " images, got "
                    + images.size() + " of " + images.rows() + "x" + images.cols());
        }
        int[] order = new int[images.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int replayBatch = replay == null ? 0 : settings.replayBatch();
        byte[] replayPixels = new byte[replayBatch * images.imageSize()];
        int[] replayLabels = new int[replayBatch];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            ClassifierTrainer.shuffle(order, random);
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                int fresh = Math.min(settings.batchSize(), order.length - from);
                int replayed = replayBatch == 0 ? 0 : replay.sample(replayBatch, replayPixels, replayLabels);
                step(images, order, from, fresh, replayPixels, replayLabels, replayed);
                if (replay != null && epoch == 0) {
                    for (int i = from; i < from + fresh; i++) {
                        replay.offer(idPrefix + order[i], images.pixels(), images.offset(order[i]),
                                images.labels()[order[i]]);
                    }
                }
            }
        }
    }

    /** Accuracy of the arg-max logit over all classes on {@code test}. */
    public double accuracy(TensorSet test) {
        return BlockInference.accuracy(cnn.model(), test, 500);
    }

    /** Images that went through training steps, new and replayed. */
    public long trainedImages() {
        return trainedImages;
    }

    /** Of {@link #trainedImages()}, those drawn from the replay buffer. */
    public long replayedImages() {
        return replayedImages;
    }

    /** Optimizer steps taken. */
    public long steps() {
        return steps;
    }

    /** Wall seconds spent in training steps (batch assembly, forward, backward, update). */
    public double trainingSeconds() {
        return stepNanos / 1e9;
    }

    /** Process CPU seconds spent in training steps (all threads of the JVM while steps ran). */
    public double trainingCpuSeconds() {
        return stepCpuNanos / 1e9;
    }

    private void step(LabeledImages images, int[] order, int from, int fresh, byte[] replayPixels, int[] replayLabels,
            int replayed) {
        long start = System.nanoTime();
        long cpuStart = OS.getProcessCpuTime();
        int n = fresh + replayed;
        int length = preprocessor.settings().inputLength();
        float[] values = new float[n * length];
        long[] labels = new long[n];
        for (int i = 0; i < fresh; i++) {
            int image = order[from + i];
            System.arraycopy(preprocessor.fromGrayBytes(images.pixels(), images.offset(image)), 0, values, i * length,
                    length);
            labels[i] = images.labels()[image];
        }
        for (int i = 0; i < replayed; i++) {
            System.arraycopy(preprocessor.fromGrayBytes(replayPixels, i * images.imageSize()), 0, values,
                    (fresh + i) * length, length);
            labels[fresh + i] = replayLabels[i];
        }
        Shape shape = cnn.architecture().inputShape(n);
        float loss = ClassifierTrainer.step(trainer, values, shape, labels)[0];
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("training diverged: loss " + loss + " at step " + (steps + 1)
                    + " (lower the learning rate)");
        }
        steps++;
        trainedImages += n;
        replayedImages += replayed;
        stepCpuNanos += OS.getProcessCpuTime() - cpuStart;
        stepNanos += System.nanoTime() - start;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
