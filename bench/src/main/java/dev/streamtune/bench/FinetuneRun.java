package dev.streamtune.bench;

import dev.streamtune.bench.GlossStreams.Experience;
import dev.streamtune.bench.GlossStreams.TextStream;
import dev.streamtune.core.bert.ActivationCache;
import dev.streamtune.core.bert.FineTuner;
import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.Teacher;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.bert.TrainingOptions;
import dev.streamtune.core.eval.AccuracyMatrix;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.head.TopK;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link TextStream} experience by experience with one {@link FinetuneMethod} and measures the accuracy
 * matrix (test accuracy on every experience whose labels the model knows, after each experience), training
 * throughput and the exported weights' size.
 *
 * <p>Each experience is one {@link FineTuner} session (warm-up restarts); with LwF its teacher is the model as it
 * was at the end of the previous experience. Replay holds only past experiences' examples: an experience's
 * training examples are offered once it ends.
 */
final class FinetuneRun {

    /** Loop sizes shared by every run. */
    record Settings(int epochs, int batch, int replayBatch, int replayCapacity, long seed) {}

    /** What one run measured. */
    record Result(String stream, String strategy, String variant, AccuracyMatrix accuracy, int testSamples,
            long trainedSamples, double trainingSeconds, double trainingCpuSeconds, long artifactBytes,
            long trainableParameters) {

        /** Training throughput in wall-clock time (depends on what else the machine runs). */
        double samplesPerSecond() {
            return trainedSamples / trainingSeconds;
        }

        /** Training throughput per second of the process's CPU time (the cost without waiting for cores). */
        double samplesPerCpuSecond() {
            return trainedSamples / trainingCpuSeconds;
        }

        /** Binomial standard error of the final average accuracy over all test samples. */
        double standardError() {
            double a = accuracy.finalAverageAccuracy();
            return Math.sqrt(a * (1 - a) / testSamples);
        }

        /** The headline figures by name, for tables and JSON. */
        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("stream", stream);
            figures.put("strategy", strategy);
            figures.put("variant", variant);
            figures.put("final_average_accuracy", accuracy.finalAverageAccuracy());
            figures.put("standard_error", standardError());
            figures.put("forgetting", accuracy.finalForgetting());
            figures.put("train_samples_per_s", samplesPerSecond());
            figures.put("train_samples_per_cpu_s", samplesPerCpuSecond());
            figures.put("trained_samples", trainedSamples);
            figures.put("artifact_bytes", artifactBytes);
            figures.put("trainable_parameters", trainableParameters);
            return figures;
        }
    }

    private static final int EVAL_BATCH = 64;

    private final MiniLmEncoder base;
    private final Settings settings;

    FinetuneRun(MiniLmEncoder base, Settings settings) {
        this.base = base;
        this.settings = settings;
    }

    /** Runs {@code method} on {@code stream}; {@code cache} holds the frozen layers of the method's strategy. */
    Result run(TextStream stream, FinetuneMethod method, ActivationCache cache) {
        List<Experience> experiences = stream.experiences();
        AccuracyMatrix accuracy = new AccuracyMatrix(experiences.size());
        SplitMix64 random = new SplitMix64(settings.seed());
        TextReplay replay = method.replay() ? new TextReplay(settings.replayCapacity(), settings.seed()) : null;
        List<String> firstLabels = experiences.get(0).train().stream().map(LabeledText::label).distinct().toList();
        long trained = 0;
        long nanos = 0;
        long cpuNanos = 0;
        try (TextClassifier model = TextClassifier.create(base, method.strategy(),
                HeadConfig.linear(base.config().hidden()), firstLabels, settings.seed())) {
            for (int i = 0; i < experiences.size(); i++) {
                Experience experience = experiences.get(i);
                boolean distill = method.distill() && i > 0;
                try (Teacher teacher = distill ? Teacher.snapshotOf(model, cache) : null) {
                    TrainingOptions options = distill ? method.options() : method.options().withDistillation(0f, 2f);
                    FineTuner tuner = new FineTuner(model, options, cache, teacher);
                    List<LabeledText> order = new ArrayList<>(experience.train());
                    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                        random.shuffle(order);
                        for (int from = 0; from < order.size(); from += settings.batch()) {
                            List<LabeledText> batch = new ArrayList<>(
                                    order.subList(from, Math.min(from + settings.batch(), order.size())));
                            if (replay != null) {
                                batch.addAll(replay.sample(settings.replayBatch()));
                            }
                            long start = System.nanoTime();
                            long cpuStart = StepSpeed.processCpuNanos();
                            tuner.step(batch);
                            cpuNanos += StepSpeed.processCpuNanos() - cpuStart;
                            nanos += System.nanoTime() - start;
                            trained += batch.size();
                        }
                    }
                }
                if (replay != null) {
                    experience.train().forEach(replay::offer);
                }
                for (int j = 0; j < experiences.size(); j++) {
                    List<LabeledText> test = experiences.get(j).test();
                    if (model.labels().containsAll(test.stream().map(LabeledText::label).toList())) {
                        accuracy.set(i, j, accuracy(model, cache, test));
                    }
                }
            }
            int tests = experiences.stream().mapToInt(e -> e.test().size()).sum();
            return new Result(stream.name(), method.strategy().label(), method.variant(), accuracy, tests, trained,
                    nanos / 1e9, cpuNanos / 1e9, model.export().byteSize(), model.trainableParameterCount());
        }
    }

    private static double accuracy(TextClassifier model, ActivationCache cache, List<LabeledText> test) {
        int correct = 0;
        List<String> labels = model.labels();
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            List<LabeledText> batch = test.subList(from, Math.min(from + EVAL_BATCH, test.size()));
            float[][] logits = model.predict(cache, batch);
            for (int r = 0; r < batch.size(); r++) {
                if (labels.get(TopK.argmax(logits[r])).equals(batch.get(r).label())) {
                    correct++;
                }
            }
        }
        return (double) correct / test.size();
    }
}
