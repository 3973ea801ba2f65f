package dev.streamtune.core.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a list of new examples into gradient steps that mix in replayed samples, and feeds the new examples to
 * the replay buffer after their first step.
 *
 * <p>Per step, with batch size {@code B} and replay ratio {@code r}: when the buffer holds samples, up to
 * {@code B − round(r·B)} new examples and {@code min(size, round(n·r/(1−r)))} replayed ones for {@code n} new
 * ones (so a full step has exactly {@code round(r·B)} replayed); when it is empty, up to {@code B} new examples.
 * The first epoch keeps the stream order; later epochs shuffle with the learner's generator.
 */
final class StreamTrainer {

    /** Totals of one {@link #train} call. */
    record Totals(int steps, long replayed, double lossSum) {}

    private final LearnerState state;
    private final TrainingStep step;

    StreamTrainer(LearnerState state) {
        this.state = state;
        this.step = new TrainingStep(state.head, state.optimizer, state.random);
    }

    /**
     * Trains on {@code examples} (class indices in {@code classes}, same order) for {@code epochs} passes.
     */
    Totals train(List<Example> examples, int[] classes, int epochs) {
        int batch = state.config.batchSize();
        int dim = state.config.head().inputDim();
        float[] features = new float[batch * dim];
        int[] labels = new int[batch];
        float[] replayFeatures = new float[batch * dim];
        int[] replayLabels = new int[batch];
        List<Integer> order = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        int steps = 0;
        long replayed = 0;
        double lossSum = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (epoch > 0) {
                state.random.shuffle(order);
            }
            for (int start = 0; start < order.size(); ) {
                int bufferSize = state.replay == null ? 0 : state.replay.size();
                double ratio = state.config.replay().ratio();
                int maxNew = bufferSize == 0 ? batch : batch - (int) Math.round(ratio * batch);
                int fresh = Math.min(Math.max(maxNew, 1), order.size() - start);
                int wanted = bufferSize == 0 ? 0 : (int) Math.round(fresh * ratio / (1 - ratio));
                int replay = wanted == 0 ? 0 : state.replay.sample(Math.min(wanted, batch - fresh), replayFeatures, replayLabels);
                for (int r = 0; r < fresh; r++) {
                    int i = order.get(start + r);
                    System.arraycopy(examples.get(i).features(), 0, features, r * dim, dim);
                    labels[r] = classes[i];
                }
                System.arraycopy(replayFeatures, 0, features, fresh * dim, replay * dim);
                System.arraycopy(replayLabels, 0, labels, fresh, replay);
                lossSum += step.run(features, labels, fresh + replay);
                steps++;
                replayed += replay;
                if (epoch == 0 && state.replay != null) {
                    for (int r = 0; r < fresh; r++) {
                        int i = order.get(start + r);
                        state.replay.offer(examples.get(i).id(), examples.get(i).features(), classes[i]);
                    }
                }
                start += fresh;
            }
        }
        return new Totals(steps, replayed, lossSum);
    }
}
