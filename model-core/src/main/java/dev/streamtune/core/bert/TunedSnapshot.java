package dev.streamtune.core.bert;

import dev.streamtune.contracts.Strategy;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.snapshot.SnapshotFormatException;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole state of a {@link TunedLearner} as a versioned, checksummed snapshot (magic {@code STTL}): its
 * config, the trainable tensors (tuned layers or adapters, and head) with labels, the optimizer moments and step
 * count, the replay buffer and the holdout set of token ids, and its counters. The base encoder is not in it: a
 * snapshot is restored onto the same shared base.
 */
public final class TunedSnapshot {

    private static final String MAGIC = "STTL";
    private static final int VERSION = 1;
    private static final int MAX_ENTRIES = 1 << 16;

    private TunedSnapshot() {}

    /** The learner's state as bytes. */
    public static byte[] write(TunedLearner learner) {
        SnapshotWriter out = new SnapshotWriter();
        writeConfig(out, learner.config);
        out.putLong(learner.trained).putLong(learner.replayed);
        out.putBoolean(learner.model != null);
        if (learner.model != null) {
            TrainableWeights weights = learner.model.export();
            out.putStrings(weights.labels()).putInt(weights.tensors().size());
            for (FloatTensor t : weights.tensors()) {
                out.putString(t.name()).putInts(t.shape()).putFloats(t.data(), 0, t.data().length);
            }
            learner.tuner.writeState(out);
        }
        out.putBoolean(learner.replay != null);
        if (learner.replay != null) {
            out.putBytes(learner.replay.snapshot());
        }
        out.putBytes(learner.holdout.snapshot());
        return out.seal(MAGIC, VERSION);
    }

    /**
     * A learner continuing from {@link #write} bytes on {@code base}.
     *
     * @throws SnapshotFormatException when the bytes are not an intact snapshot or its tensors do not fit
     *     {@code base}
     */
    public static TunedLearner read(byte[] bytes, MiniLmEncoder base) {
        SnapshotReader in = SnapshotReader.open(bytes, MAGIC, VERSION, "tuned learner");
        TunedLearnerConfig config;
        try {
            config = readConfig(in);
        } catch (IllegalArgumentException e) {
            throw in.malformed("config: " + e.getMessage());
        }
        long trained = in.getLong();
        long replayed = in.getLong();
        TrainableWeights weights = null;
        if (in.getBoolean()) {
            List<String> labels = in.getStrings();
            int n = in.getCount("tensors", MAX_ENTRIES);
            List<FloatTensor> tensors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = in.getString();
                int[] shape = in.getInts();
                long size;
                try {
                    size = FloatTensor.elementCount(shape);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw in.malformed("tensor " + name + ": " + e.getMessage());
                }
                if (size > Integer.MAX_VALUE) {
                    throw in.malformed("tensor " + name + " of shape " + Arrays.toString(shape) + " is too large");
                }
                tensors.add(new FloatTensor(name, shape, in.getFloats((int) size)));
            }
            weights = new TrainableWeights(config.strategy(), config.head(), labels, tensors);
        }
        TextClassifier model = null;
        FineTuner tuner = null;
        try {
            if (weights != null) {
                model = TextClassifier.rebuild(base, weights);
                tuner = new FineTuner(model, config.options(), null, null);
                tuner.readState(in);
            }
            ReplayBuffer replay = in.getBoolean() ? ReplayBuffer.restore(in.getBytes()) : null;
            HoldoutSet holdout = HoldoutSet.restore(in.getBytes());
            in.expectEnd();
            TunedLearner restored = new TunedLearner(base, config, replay, holdout);
            restored.model = model;
            restored.tuner = tuner;
            restored.trained = trained;
            restored.replayed = replayed;
            return restored;
        } catch (RuntimeException e) {
            if (tuner != null) {
                tuner.close();
            }
            if (model != null) {
                model.close();
            }
            if (e instanceof IllegalArgumentException) {
                throw in.malformed(e.getMessage());
            }
            throw e;
        }
    }

    private static void writeConfig(SnapshotWriter out, TunedLearnerConfig c) {
        FineTuneStrategy s = c.strategy();
        out.putString(s.kind().id()).putInt(s.layers()).putInt(s.rank()).putFloat(s.alpha()).putStrings(s.targets());
        out.putInt(c.head().inputDim()).putInts(c.head().hidden().stream().mapToInt(Integer::intValue).toArray())
                .putFloat(c.head().dropout());
        TrainingOptions o = c.options();
        out.putFloat(o.headLearningRate()).putFloat(o.encoderLearningRate()).putInt(o.warmupSteps())
                .putFloat(o.weightDecay()).putFloat(o.distillationWeight()).putFloat(o.temperature())
                .putFloat(o.anchorWeight());
        out.putInt(c.batchSize());
        c.replay().writeTo(out);
        out.putDouble(c.holdoutFraction()).putInt(c.holdoutCapacity()).putLong(c.seed()).putInt(c.maxTokens());
    }

    private static TunedLearnerConfig readConfig(SnapshotReader in) {
        Strategy kind = Strategy.fromId(in.getString());
        FineTuneStrategy strategy = new FineTuneStrategy(kind, in.getInt(), in.getInt(), in.getFloat(), in.getStrings());
        HeadConfig head = new HeadConfig(in.getInt(), Arrays.stream(in.getInts()).boxed().toList(), in.getFloat());
        TrainingOptions options = new TrainingOptions(in.getFloat(), in.getFloat(), in.getInt(), in.getFloat(),
                in.getFloat(), in.getFloat(), in.getFloat());
        int batchSize = in.getInt();
        ReplayConfig replay = ReplayConfig.readFrom(in);
        return new TunedLearnerConfig(strategy, head, options, batchSize, replay, in.getDouble(), in.getInt(),
                in.getLong(), in.getInt());
    }
}
