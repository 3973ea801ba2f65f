package dev.streamtune.core.bert;

import dev.streamtune.core.backbone.TokenBatch;
import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.eval.Evaluator;
import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.TopK;
import dev.streamtune.core.replay.EmbeddingStore;
import dev.streamtune.core.replay.ReplayBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A streaming learner whose encoder trains too ({@code fine-tune} or {@code lora}): a {@link TextClassifier} on
 * the shared base encoder, its {@link FineTuner}, a replay buffer and a holdout set that both keep raw token ids
 * ({@link TokenRows}), since features of a training encoder go stale. The counterpart of
 * {@link dev.streamtune.core.learn.ContinualLearner} for the trainable strategies; {@link TunedSnapshot} writes
 * and restores its whole state (tensors, optimizer moments, replay, holdout).
 *
 * <p>The classifier is made on the first batch when no initial labels are given. Not thread-safe.
 */
public final class TunedLearner implements AutoCloseable {

    private static final int EVAL_CHUNK = 64;

    final MiniLmEncoder base;
    final TunedLearnerConfig config;
    final ReplayBuffer replay;
    final HoldoutSet holdout;
    TextClassifier model;
    FineTuner tuner;
    long trained;
    long replayed;

    TunedLearner(MiniLmEncoder base, TunedLearnerConfig config, ReplayBuffer replay, HoldoutSet holdout) {
        this.base = base;
        this.config = config;
        this.replay = replay;
        this.holdout = holdout;
    }

    /** A new learner on {@code base}; {@code initialLabels} (may be empty) start the head. */
    public static TunedLearner create(MiniLmEncoder base, TunedLearnerConfig config, List<String> initialLabels) {
        config.strategy().firstTrainedLayer(base.config());
        ReplayBuffer replay = config.replay().enabled()
                ? ReplayBuffer.create(config.replay().policy(), config.replay().capacity(), config.maxTokens(),
                        config.seed() ^ 0x5eedL)
                : null;
        HoldoutSet holdout = HoldoutSet.create(new HoldoutSelector(config.holdoutFraction()), config.holdoutCapacity(),
                config.maxTokens(), config.seed() ^ 0x401dL);
        TunedLearner learner = new TunedLearner(base, config, replay, holdout);
        if (!initialLabels.isEmpty()) {
            learner.start(initialLabels);
        }
        return learner;
    }

    void start(List<String> labels) {
        model = TextClassifier.create(base, config.strategy(), config.head(), labels, config.seed());
        tuner = new FineTuner(model, config.options(), null, null);
    }

    /**
     * Learns from a batch: held-out ids go to the holdout, the rest trains for {@code passes} passes with replayed
     * token ids mixed into every step, then is offered to the replay buffer.
     *
     * @throws IllegalArgumentException for passes below 1 or a text that cannot be tokenized (nothing changes)
     */
    public void learn(List<LabeledText> examples, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        if (examples.isEmpty()) {
            return;
        }
        List<float[]> rows = rows(examples);
        if (model == null) {
            start(List.copyOf(new LinkedHashSet<>(examples.stream().map(LabeledText::label).toList())));
        }
        List<String> ids = new ArrayList<>();
        List<float[]> train = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            LabeledText e = examples.get(i);
            int c = model.classIndex(e.label());
            if (holdout.isHoldout(e.id())) {
                holdout.add(e.id(), rows.get(i), c);
            } else {
                ids.add(e.id());
                train.add(rows.get(i));
                classes.add(c);
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            trainPass(ids, train, classes, pass == 0);
        }
        trained += train.size();
    }

    private void trainPass(List<String> ids, List<float[]> train, List<Integer> classes, boolean offer) {
        int batch = config.batchSize();
        double ratio = config.replay().ratio();
        float[] replayRows = new float[batch * config.maxTokens()];
        int[] replayClasses = new int[batch];
        for (int start = 0; start < train.size(); ) {
            int buffered = replay == null ? 0 : replay.size();
            int maxNew = buffered == 0 ? batch : batch - (int) Math.round(ratio * batch);
            int fresh = Math.min(Math.max(maxNew, 1), train.size() - start);
            int wanted = buffered == 0 ? 0 : (int) Math.round(fresh * ratio / (1 - ratio));
            int drawn = wanted == 0 ? 0 : replay.sample(Math.min(wanted, batch - fresh), replayRows, replayClasses);
            List<float[]> stepRows = new ArrayList<>(train.subList(start, start + fresh));
            List<String> stepLabels = new ArrayList<>();
            List<String> labels = model.labels();
            for (int r = 0; r < fresh; r++) {
                stepLabels.add(labels.get(classes.get(start + r)));
            }
            for (int r = 0; r < drawn; r++) {
                int from = r * config.maxTokens();
                stepRows.add(Arrays.copyOfRange(replayRows, from, from + config.maxTokens()));
                stepLabels.add(labels.get(replayClasses[r]));
            }
            tuner.step(TokenRows.batch(stepRows), stepLabels);
            replayed += drawn;
            if (offer && replay != null) {
                for (int r = start; r < start + fresh; r++) {
                    replay.offer(ids.get(r), train.get(r), classes.get(r));
                }
            }
            start += fresh;
        }
    }

    private List<float[]> rows(List<LabeledText> examples) {
        TokenBatch tokens = base.tokenize(examples.stream().map(LabeledText::text).toList());
        List<float[]> rows = new ArrayList<>(tokens.batch());
        for (int b = 0; b < tokens.batch(); b++) {
            int n = 0;
            while (n < tokens.seq() && tokens.mask()[b * tokens.seq() + n] != 0) {
                n++;
            }
            long[] ids = Arrays.copyOfRange(tokens.ids(), b * tokens.seq(), b * tokens.seq() + n);
            rows.add(TokenRows.row(ids, config.maxTokens()));
        }
        return rows;
    }

    /** Accuracy on the held-out samples (empty before the first held-out one). */
    public EvaluationResult evaluateHoldout() {
        EmbeddingStore store = holdout.contents();
        List<String> actual = new ArrayList<>(store.size());
        List<String> predicted = new ArrayList<>(store.size());
        for (int start = 0; start < store.size(); start += EVAL_CHUNK) {
            List<float[]> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(store.size(), start + EVAL_CHUNK); i++) {
                chunk.add(store.features(i));
                actual.add(model.labels().get(store.label(i)));
            }
            for (float[] logits : model.predict(TokenRows.batch(chunk))) {
                predicted.add(model.labels().get(TopK.argmax(logits)));
            }
        }
        return Evaluator.score(actual, predicted);
    }

    /** Labels in class order (empty before the first batch). */
    public List<String> labels() {
        return model == null ? List.of() : model.labels();
    }

    /** The configuration. */
    public TunedLearnerConfig config() {
        return config;
    }

    /** Training steps taken. */
    public int steps() {
        return tuner == null ? 0 : tuner.steps();
    }

    /** Samples trained (held-out ones excluded). */
    public long trained() {
        return trained;
    }

    /** Replayed samples mixed into steps so far. */
    public long replayed() {
        return replayed;
    }

    /**
     * The trainable tensors to publish.
     *
     * @throws IllegalStateException before the first batch
     */
    public TrainableWeights export() {
        if (model == null) {
            throw new IllegalStateException("nothing to export: no sample learned yet");
        }
        return model.export();
    }

    @Override
    public void close() {
        if (tuner != null) {
            tuner.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
