package dev.streamtune.core.bert;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * One training session of a {@link TextClassifier} (e.g. from one published version to the next): AdamW with
 * discriminative learning rates and linear warm-up, cross-entropy, optional LwF distillation from a
 * {@link Teacher} and optional L2-SP anchoring ({@link TrainingOptions}).
 *
 * <p>A step computes the frozen layers without gradients (from the {@link ActivationCache} when one is given),
 * records a graph only for the tuned layers and the head, and frees every temporary with the step's manager.
 * Labels not seen before grow the head. PyTorch's gradient collector is global to the JVM, so backward passes of
 * all sessions are serialised on one lock (models on several threads wait rather than fail). The caller closes
 * the teacher. A session is not thread-safe.
 */
public final class FineTuner {

    /** Guards DJL's single PyTorch gradient collector across sessions. */
    private static final Object COLLECTOR = new Object();

    private final TextClassifier model;
    private final TrainingOptions options;
    private final ActivationCache cache;
    private final Teacher teacher;
    private final Optimizer encoderOptimizer;
    private final Optimizer headOptimizer;
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
        this.encoderOptimizer = adamW(options.encoderLearningRate(), 0f, options.warmupSteps());
        this.headOptimizer = adamW(options.headLearningRate(), options.weightDecay(), options.warmupSteps());
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
        StepResult result;
        try (NDManager step = model.manager().newSubManager()) {
            FrozenBatch frozen = cache != null ? cache.batch(step, batch)
                    : model.frozen(step, batch.stream().map(LabeledText::text).toList());
            NDArray teacherLogits = teacher != null && options.distillationWeight() > 0
                    ? teacher.logits(step, batch) : null;
            // New labels grow the head only once the batch's inputs went through the frozen layers.
            int[] labels = batch.stream().mapToInt(e -> model.classIndex(e.label())).toArray();
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
            // A grown head has new arrays: their shape in the id gives them fresh optimizer state.
            List<String> names = model.head().layout().tensorNames();
            List<NDArray> parameters = model.head().parameters();
            for (int i = 0; i < parameters.size(); i++) {
                NDArray weight = parameters.get(i);
                apply(headOptimizer, names.get(i) + weight.getShape(), weight);
            }
        }
    }

    private static void apply(Optimizer optimizer, String id, NDArray weight) {
        try (NDArray grad = weight.getGradient()) {
            optimizer.update(id, weight, grad);
        }
        Autograd.zeroGradient(weight);
    }

    private void clearGradients() {
        model.tuned().parameters().values().forEach(Autograd::zeroGradient);
        model.head().parameters().forEach(Autograd::zeroGradient);
    }

    private static Optimizer adamW(float learningRate, float weightDecay, int warmupSteps) {
        Tracker rate = warmupSteps == 0 ? Tracker.fixed(learningRate)
                : Tracker.warmUp().optWarmUpBeginValue(0f).optWarmUpSteps(warmupSteps)
                        .setMainTracker(Tracker.fixed(learningRate)).build();
        return Optimizer.adamW().optLearningRateTracker(rate).optWeightDecays(weightDecay).build();
    }
}
