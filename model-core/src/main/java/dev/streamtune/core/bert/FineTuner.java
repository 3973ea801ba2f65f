package dev.streamtune.core.bert;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.streamtune.core.backbone.TokenBatch;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.List;
import java.util.function.Function;

/**
 * One training session of a {@link TextClassifier} (e.g. from one published version to the next): AdamW with
 * discriminative learning rates and linear warm-up, cross-entropy, optional LwF distillation from a
 * {@link Teacher} and optional L2-SP anchoring ({@link TrainingOptions}).
 *
 * <p>A step computes the frozen layers without gradients (from the {@link ActivationCache} when one is given),
 * records a graph only for the tuned layers and the head, and frees every temporary with the step's manager.
 * Labels not seen before grow the head. PyTorch's gradient collector is global to the JVM, so backward passes of
 * all sessions are serialised on one lock (models on several threads wait rather than fail). The caller closes
 * the teacher. The optimizer moments live on the model's manager; {@link #writeState}/{@link #readState} carry
 * them across a checkpoint. A session is not thread-safe.
 */
public final class FineTuner implements AutoCloseable {

    /** Guards DJL's single PyTorch gradient collector across sessions. */
    private static final Object COLLECTOR = new Object();

    private final TextClassifier model;
    private final TrainingOptions options;
    private final ActivationCache cache;
    private final Teacher teacher;
    private final AdamW encoderOptimizer;
    private final AdamW headOptimizer;
    private int steps;

    /**
     * @param cache frozen-layer cache for the model's first tuned layer, or {@code null} to recompute them
     * @param teacher previous version for LwF, or {@code null}; required when the distillation weight is set
     */
    public FineTuner(TextClassifier model, TrainingOptions options, ActivationCache cache, Teacher teacher) {
        if (cache != null) {
            model.checkCache(cache);
        }
        if (options.distillationWeight() > 0 && teacher == null) {
            throw new IllegalArgumentException("distillation weight " + options.distillationWeight()
                    + " needs a teacher (the previous version)");
        }
        this.model = model;
        this.options = options;
        this.cache = cache;
        this.teacher = teacher;
        this.encoderOptimizer = new AdamW(options.encoderLearningRate(), 0f, options.warmupSteps());
        this.headOptimizer = new AdamW(options.headLearningRate(), options.weightDecay(), options.warmupSteps());
    }

    /** Writes the step count and the optimizer moments (the model's weights are exported separately). */
    public void writeState(SnapshotWriter out) {
        out.putInt(steps);
        encoderOptimizer.writeTo(out);
        headOptimizer.writeTo(out);
    }

    /**
     * Continues from {@link #writeState} output: step count and optimizer moments, on the model's manager.
     *
     * @throws dev.streamtune.core.snapshot.SnapshotFormatException when the entries are malformed
     * @throws IllegalStateException after the first step
     */
    public void readState(SnapshotReader in) {
        if (steps != 0) {
            throw new IllegalStateException("optimizer state can only be restored before the first step");
        }
        steps = in.getCount("fine-tuning steps", Integer.MAX_VALUE);
        encoderOptimizer.readFrom(in, model.manager());
        headOptimizer.readFrom(in, model.manager());
    }

    /** Steps taken. */
    public int steps() {
        return steps;
    }

    /**
     * One update on {@code batch}.
     *
     * @throws IllegalArgumentException for an empty batch
     * @throws IllegalStateException when the loss is not finite (no weight is changed then)
     */
    public StepResult step(List<LabeledText> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a training step needs at least one example");
        }
        return run(batch.stream().map(LabeledText::label).toList(),
                step -> cache != null ? cache.batch(step, batch)
                        : model.frozen(step, batch.stream().map(LabeledText::text).toList()),
                step -> teacher != null && options.distillationWeight() > 0 ? teacher.logits(step, batch) : null);
    }

    /**
     * One update on already tokenized examples (e.g. replayed token ids), labelled {@code labels} in row order.
     * Without the activation cache and without LwF (the teacher reads texts).
     *
     * @throws IllegalArgumentException for an empty batch or a label count that differs from the rows
     * @throws IllegalStateException when distillation is on, or the loss is not finite (no weight is changed then)
     */
    public StepResult step(TokenBatch tokens, List<String> labels) {
        if (labels.isEmpty() || labels.size() != tokens.batch()) {
            throw new IllegalArgumentException(tokens.batch() + " token rows but " + labels.size() + " labels");
        }
        if (options.distillationWeight() > 0) {
            throw new IllegalStateException("LwF distillation needs texts; train on LabeledText batches");
        }
        return run(labels, step -> FrozenBatch.compute(model.base(), model.firstTrainedLayer(), step, tokens),
                step -> null);
    }

    private StepResult run(List<String> batchLabels, Function<NDManager, FrozenBatch> frozenInputs,
            Function<NDManager, NDArray> teacherOutputs) {
        StepResult result;
        try (NDManager step = model.manager().newSubManager()) {
            FrozenBatch frozen = frozenInputs.apply(step);
            NDArray teacherLogits = teacherOutputs.apply(step);
            // New labels grow the head only once the batch's inputs went through the frozen layers.
            int[] labels = batchLabels.stream().mapToInt(model::classIndex).toArray();
            result = backward(step, frozen, labels, teacherLogits);
        }
        if (!Float.isFinite(result.loss())) {
            clearGradients();
            throw new IllegalStateException("loss is " + result.loss() + " at step " + steps + "; weights unchanged");
        }
        update();
        steps++;
        return result;
    }

    private StepResult backward(NDManager step, FrozenBatch frozen, int[] labels, NDArray teacherLogits) {
        int n = labels.length;
        synchronized (COLLECTOR) {
            return backwardLocked(step, frozen, labels, teacherLogits, n);
        }
    }

    private StepResult backwardLocked(NDManager step, FrozenBatch frozen, int[] labels, NDArray teacherLogits,
            int n) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray logits = model.logits(frozen);
            NDArray oneHot = step.create(labels).oneHot(model.labels().size());
            NDArray crossEntropy = oneHot.mul(logits.logSoftmax(1)).sum().neg().div(n);
            NDArray loss = crossEntropy;
            NDArray distillation = null;
            if (teacherLogits != null) {
                distillation = distillation(logits, teacherLogits, n);
                loss = crossEntropy.add(distillation.mul(options.distillationWeight()));
            }
            collector.backward(loss);
            return new StepResult(loss.getFloat(), crossEntropy.getFloat(),
                    distillation == null ? 0f : distillation.getFloat(), n);
        }
    }

    /** T² · mean KL(softmax(teacher/T) ‖ softmax(student/T)) over the teacher's classes. */
    private NDArray distillation(NDArray logits, NDArray teacherLogits, int n) {
        float t = options.temperature();
        int old = (int) teacherLogits.getShape().get(1);
        NDArray student = logits.get(new NDIndex(":, :{}", old)).div(t).logSoftmax(1);
        NDArray target = teacherLogits.div(t);
        NDArray targetProbs = target.softmax(1);
        return targetProbs.mul(target.logSoftmax(1).sub(student)).sum().div(n).mul(t * t);
    }

    private void update() {
        try (Autograd.Guard noGrad = Autograd.noGrad()) {
            if (options.anchorWeight() > 0) {
                AnchorPenalty.addGradients(model, options.anchorWeight());
            }
            model.tuned().parameters().forEach((name, weight) -> apply(encoderOptimizer, name, weight));
            // A grown head has arrays of a new shape: the optimizer gives them fresh moments.
            List<String> names = model.head().layout().tensorNames();
            List<NDArray> parameters = model.head().parameters();
            for (int i = 0; i < parameters.size(); i++) {
                apply(headOptimizer, names.get(i), parameters.get(i));
            }
        }
    }

    private static void apply(AdamW optimizer, String name, NDArray weight) {
        try (NDArray grad = weight.getGradient()) {
            optimizer.update(name, weight, grad);
        }
        Autograd.zeroGradient(weight);
    }

    private void clearGradients() {
        model.tuned().parameters().values().forEach(Autograd::zeroGradient);
        model.head().parameters().forEach(Autograd::zeroGradient);
    }

    /** Frees the optimizer moments (the model and teacher belong to the caller). */
    @Override
    public void close() {
        encoderOptimizer.close();
        headOptimizer.close();
    }
}
