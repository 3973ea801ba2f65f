package dev.streamtune.bench;

import dev.streamtune.core.eval.AccuracyMatrix;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one learner through a class-incremental stream and fills the accuracy matrix: after experience
 * {@code i}, accuracy on the test data of every experience {@code j} (0 for classes not seen yet).
 */
final class ContinualRun {

    private ContinualRun() {}

    /**
     * @param train training examples per experience
     * @param test test examples per experience
     * @param joint train once on all experiences shuffled together; every row of the matrix then holds the
     *     accuracies after that single training
     */
    static AccuracyMatrix run(LearnerConfig config, List<List<Example>> train, List<List<Example>> test, int epochs,
            boolean joint) {
        int t = train.size();
        AccuracyMatrix matrix = new AccuracyMatrix(t);
        try (ContinualLearner learner = ContinualLearner.create(config)) {
            if (joint) {
                List<Example> all = new ArrayList<>();
                train.forEach(all::addAll);
                new SplitMix64(config.seed()).shuffle(all);
                learner.learn(all, epochs);
                for (int j = 0; j < t; j++) {
                    double accuracy = learner.evaluate(test.get(j)).accuracy();
                    for (int i = 0; i < t; i++) {
                        matrix.set(i, j, accuracy);
                    }
                }
                return matrix;
            }
            for (int i = 0; i < t; i++) {
                List<Example> experience = new ArrayList<>(train.get(i));
                new SplitMix64(config.seed() * 31 + i).shuffle(experience);
                learner.learn(experience, epochs);
                for (int j = 0; j < t; j++) {
                    matrix.set(i, j, learner.evaluate(test.get(j)).accuracy());
                }
            }
        }
        return matrix;
    }
}
