package dev.streamtune.core.learn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.eval.Evaluator;
import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.FeatureVectors;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.head.ScoredLabel;
import dev.streamtune.core.head.TopK;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.EmbeddingStore;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.weights.ArtifactMetadata;
import dev.streamtune.core.weights.VersionInfo;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Continual learner for one model: a growing MLP head over frozen backbone features, trained with replay,
 * evaluated on a deterministic holdout, snapshotted and restored exactly, exported as a {@link WeightsArtifact}.
 *
 * <p>Deterministic: the same {@link LearnerConfig} (seed included) and the same sequence of {@link #learn}
 * calls give bit-identical weights; a learner {@link #restore restored} from a {@link #snapshot} continues
 * exactly as the original would. Not thread-safe: one thread drives a learner. Learners are independent of
 * each other and may run on different threads at once. Owns native memory: close it.
 */
public final class ContinualLearner implements AutoCloseable {

    private static final int EVAL_CHUNK = 1024;

    private final LearnerState state;
    private final StreamTrainer trainer;
    private boolean closed;

    private ContinualLearner(LearnerState state) {
        this.state = state;
        this.trainer = new StreamTrainer(state);
    }

    /** A new learner with no classes yet, on the CPU. */
    public static ContinualLearner create(LearnerConfig config) {
        return create(config, List.of(), Device.cpu());
    }

    /** A new learner whose head starts with {@code initialLabels} (e.g. a closed label set), on {@code device}. */
    public static ContinualLearner create(LearnerConfig config, List<String> initialLabels, Device device) {
        SplitMix64 seeds = new SplitMix64(config.seed());
        SplitMix64 random = seeds.fork();
        long replaySeed = seeds.nextLong();
        long holdoutSeed = seeds.nextLong();
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        MlpHead head = MlpHead.create(config.head(), initialLabels, random, manager);
        Optimizer optimizer = Optimizer.create(config.optimizer(), manager);
        optimizer.matchShapes(head.parameters());
        int dim = config.head().inputDim();
        ReplayBuffer replay = config.replay().enabled()
                ? ReplayBuffer.create(config.replay().policy(), config.replay().capacity(), dim, replaySeed)
                : null;
        HoldoutSet holdout = HoldoutSet.create(new HoldoutSelector(config.holdoutFraction()), config.holdoutCapacity(),
                dim, holdoutSeed);
        return new ContinualLearner(new LearnerState(config, manager, head, optimizer, replay, holdout, random, new Counters()));
    }

    /**
     * A learner restored from {@link #snapshot()} bytes, on the CPU.
     *
     * @throws dev.streamtune.core.snapshot.SnapshotFormatException when the bytes are truncated, altered or not
     *     a learner snapshot
     */
    public static ContinualLearner restore(byte[] snapshot) {
        return restore(snapshot, Device.cpu());
    }

    /** A learner restored from {@link #snapshot()} bytes, on {@code device}. */
    public static ContinualLearner restore(byte[] snapshot, Device device) {
        return new ContinualLearner(LearnerSnapshot.read(snapshot, device));
    }

    public LearnerConfig config() {
        return state.config;
    }

    /**
     * Checks one example against this learner (dimension on top of {@link Example}'s own checks).
     *
     * @throws IllegalArgumentException naming the example and what is wrong
     */
    public void check(Example example) {
        if (example == null) {
            throw new IllegalArgumentException("example is null");
        }
        FeatureVectors.requireValid(example.features(), state.config.head().inputDim(), "example " + example.id());
    }

    /** {@link #learn(List, int)} with one epoch: the streaming case. */
    public LearnReport learn(List<Example> examples) {
        return learn(examples, 1);
    }

    /**
     * Learns from a batch of examples: grows the head for new labels, routes held-out ids to the holdout set,
     * and trains on the rest for {@code epochs} passes, mixing replayed samples into every step; the trained
     * examples are then offered to the replay buffer. The whole batch is validated first: an invalid example
     * fails the call with {@link IllegalArgumentException} before any state changes.
     */
    public LearnReport learn(List<Example> examples, int epochs) {
        requireOpen();
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        for (int i = 0; i < examples.size(); i++) {
            try {
                check(examples.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("batch item " + i + ": " + e.getMessage(), e);
            }
        }
        List<String> newLabels = state.head.grow(examples.stream().map(Example::label).toList(), state.random);
        state.optimizer.matchShapes(state.head.parameters());
        List<Example> train = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        int heldOut = 0;
        for (Example e : examples) {
            int c = state.head.classIndex(e.label());
            state.counters.consumed(e.sourceOffset());
            if (state.holdout.isHoldout(e.id())) {
                state.holdout.add(e.id(), e.features(), c);
                heldOut++;
            } else {
                train.add(e);
                classes.add(c);
            }
        }
        StreamTrainer.Totals totals = trainer.train(train, classes.stream().mapToInt(Integer::intValue).toArray(), epochs);
        state.counters.trained += train.size();
        state.counters.heldOut += heldOut;
        state.counters.replayed += totals.replayed();
        double meanLoss = totals.steps() == 0 ? Double.NaN : totals.lossSum() / totals.steps();
        return new LearnReport(train.size(), heldOut, totals.steps(), totals.replayed(), newLabels, meanLoss);
    }

    /** Accuracy on the holdout set (overall and per class); empty result when nothing is held out yet. */
    public EvaluationResult evaluateHoldout() {
        requireOpen();
        EmbeddingStore store = state.holdout.contents();
        float[][] features = new float[store.size()][];
        List<String> actual = new ArrayList<>(store.size());
        for (int i = 0; i < store.size(); i++) {
            features[i] = store.features(i);
            actual.add(state.head.labels().get(store.label(i)));
        }
        return Evaluator.score(actual, predictTop1(features));
    }

    /** Accuracy on {@code examples} without learning from them; a label the head does not know counts as wrong. */
    public EvaluationResult evaluate(List<Example> examples) {
        requireOpen();
        float[][] features = new float[examples.size()][];
        for (int i = 0; i < features.length; i++) {
            check(examples.get(i));
            features[i] = examples.get(i).features();
        }
        return Evaluator.score(examples.stream().map(Example::label).toList(), predictTop1(features));
    }

    /** The {@code topK} most probable labels per row, most probable first. */
    public List<List<ScoredLabel>> predict(float[][] features, int topK) {
        requireOpen();
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
        List<String> labels = state.head.labels();
        List<List<ScoredLabel>> out = new ArrayList<>();
        for (float[] row : state.head.probabilities(features)) {
            out.add(TopK.of(row, labels, topK));
        }
        return out;
    }

    /** Labels in class-index order. */
    public List<String> labels() {
        requireOpen();
        return state.head.labels();
    }

    /** Running counters. */
    public LearnerStats stats() {
        requireOpen();
        Counters c = state.counters;
        return new LearnerStats(state.optimizer.steps(), c.trained, c.heldOut, c.replayed, c.firstOffset, c.lastOffset,
                state.head.numClasses(), state.replay == null ? 0 : state.replay.size(), state.holdout.size());
    }

    /** Copies of the head's tensors in layout order. */
    public List<FloatTensor> weights() {
        requireOpen();
        return state.head.tensors();
    }

    /** The complete state (config, weights, optimizer, replay, holdout, labels, random state, counters). */
    public byte[] snapshot() {
        requireOpen();
        return LearnerSnapshot.write(state);
    }

    /**
     * The trainable weights as a publishable artifact.
     *
     * @param signingKey HMAC-SHA256 key, or {@code null} for an unsigned artifact
     * @throws IllegalStateException when the head has no classes yet
     * @throws IllegalArgumentException when {@code info}'s backbone dimension differs from the head's input
     */
    public WeightsArtifact exportWeights(VersionInfo info, byte[] signingKey) {
        requireOpen();
        if (state.head.numClasses() == 0) {
            throw new IllegalStateException("nothing to export: the head has no classes yet");
        }
        ArtifactMetadata metadata = new ArtifactMetadata(info, state.config.head().inputDim(),
                state.config.head().hidden(), state.head.labels());
        return WeightsArtifactWriter.write(metadata, state.head.tensors(), signingKey);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            state.close();
        }
    }

    /** Top-1 labels; "" for every row while the head has no classes (so every row counts as wrong). */
    private List<String> predictTop1(float[][] features) {
        List<String> labels = state.head.labels();
        List<String> predicted = new ArrayList<>(features.length);
        for (int start = 0; start < features.length; start += EVAL_CHUNK) {
            float[][] chunk = Arrays.copyOfRange(features, start, Math.min(features.length, start + EVAL_CHUNK));
            if (labels.isEmpty()) {
                predicted.addAll(Collections.nCopies(chunk.length, ""));
                continue;
            }
            for (float[] row : state.head.probabilities(chunk)) {
                predicted.add(labels.get(TopK.argmax(row)));
            }
        }
        return predicted;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("learner is closed");
        }
    }
}
