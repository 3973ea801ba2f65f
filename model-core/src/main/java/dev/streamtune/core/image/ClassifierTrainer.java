package dev.streamtune.core.image;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mini-batch training of a DJL classifier (a block that outputs logits) with softmax cross-entropy. Shuffling is
 * seeded; a non-finite loss stops training with an error instead of writing NaN into the weights.
 */
public final class ClassifierTrainer {

    /**
     * How long and in what batches to train.
     *
     * @param epochs passes over the data
     * @param minSteps at least this many optimizer steps; small data sets get more passes to reach it
     * @param batchSize examples per step
     * @param seed shuffling seed
     */
    public record Settings(int epochs, int minSteps, int batchSize, long seed) {
        /** Validates that every count is usable. */
        public Settings {
            if (epochs < 1 || minSteps < 0 || batchSize < 1) {
                throw new IllegalArgumentException("need epochs >= 1, minSteps >= 0, batchSize >= 1; got " + epochs
                        + ", " + minSteps + ", " + batchSize);
            }
        }

        /** Passes needed over {@code size} examples: {@code epochs}, or more to reach {@code minSteps}. */
        public int passesFor(int size) {
            int stepsPerPass = (size + batchSize - 1) / batchSize;
            return Math.max(epochs, (minSteps + stepsPerPass - 1) / stepsPerPass);
        }
    }

    /**
     * What one pass over the data achieved.
     *
     * @param epoch 1-based pass number
     * @param steps optimizer steps so far
     * @param loss mean training loss of the pass
     * @param trainAccuracy accuracy on the training batches during the pass
     * @param seconds wall time of the pass
     */
    public record EpochStats(int epoch, int steps, double loss, double trainAccuracy, double seconds) {}

    /** Called after every pass. */
    @FunctionalInterface
    public interface EpochListener {
        /** Reports one finished pass. */
        void onEpoch(EpochStats stats);
    }

    private final Settings settings;

    /** A trainer with {@code settings}. */
    public ClassifierTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains the unfrozen parameters of {@code model} on {@code data} with {@code optimizer}.
     *
     * @return one entry per pass
     * @throws IllegalArgumentException for an empty data set
     * @throws IllegalStateException when the loss becomes NaN or infinite
     */
    public List<EpochStats> train(Model model, Optimizer optimizer, TensorSet data, EpochListener listener) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty data set");
        }
        int passes = settings.passesFor(data.size());
        Random random = new Random(settings.seed());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<EpochStats> history = new ArrayList<>();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
        try (Trainer trainer = model.newTrainer(config)) {
            int steps = 0;
            for (int epoch = 1; epoch <= passes; epoch++) {
                long start = System.nanoTime();
                shuffle(order, random);
                double lossSum = 0;
                int correct = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    int n = Math.min(settings.batchSize(), order.length - from);
                    float[] result = step(trainer, data, order, from, n);
                    steps++;
                    if (!Float.isFinite(result[0])) {
                        throw new IllegalStateException("training diverged: loss " + result[0] + " at pass " + epoch
                                + ", step " + steps + " (lower the learning rate)");
                    }
                    lossSum += result[0] * n;
                    correct += (int) result[1];
                }
                EpochStats stats = new EpochStats(epoch, steps, lossSum / order.length, (double) correct / order.length,
                        (System.nanoTime() - start) / 1e9);
                history.add(stats);
                listener.onEpoch(stats);
            }
        }
        return history;
    }

    /** One optimizer step; returns {mean loss, correct predictions}. */
    private static float[] step(Trainer trainer, TensorSet data, int[] order, int from, int n) {
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.labels()[order[from + i]];
        }
        return step(trainer, data.gather(order, from, n), data.batchShape(n), labels);
    }

    /**
     * One optimizer step of softmax cross-entropy on a batch of {@code values} shaped {@code shape} with
     * {@code labels}; returns {mean loss, correct predictions}.
     */
    static float[] step(Trainer trainer, float[] values, Shape shape, long[] labels) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(values, shape);
            NDArray y = batch.create(labels);
            float loss;
            long correct;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray lossValue = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                collector.backward(lossValue);
                loss = lossValue.getFloat();
                correct = logits.argMax(1).eq(y).countNonzero().getLong();
            }
            trainer.step();
            return new float[] {loss, correct};
        }
    }

    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
