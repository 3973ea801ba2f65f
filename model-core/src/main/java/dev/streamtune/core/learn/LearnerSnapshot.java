package dev.streamtune.core.learn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.head.HeadLayout;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link LearnerState} (magic {@code STLN}, version 1): config, random state, labels, head
 * tensors, optimizer state, replay buffer and holdout snapshots, counters. Reading validates everything and
 * allocates nothing native until the envelope and sizes check out.
 */
final class LearnerSnapshot {

    private static final String MAGIC = "STLN";
    private static final int VERSION = 1;

    private LearnerSnapshot() {}

    static byte[] write(LearnerState s) {
        SnapshotWriter out = new SnapshotWriter();
        writeConfig(out, s.config);
        out.putLong(s.random.state());
        out.putStrings(s.head.labels());
        for (FloatTensor t : s.head.tensors()) {
            out.putFloats(t.data(), 0, t.data().length);
        }
        s.optimizer.writeTo(out);
        out.putBoolean(s.replay != null);
        if (s.replay != null) {
            out.putBytes(s.replay.snapshot());
        }
        out.putBytes(s.holdout.snapshot());
        Counters c = s.counters;
        out.putLong(c.trained).putLong(c.heldOut).putLong(c.replayed).putLong(c.firstOffset).putLong(c.lastOffset);
        return out.seal(MAGIC, VERSION);
    }

    static LearnerState read(byte[] bytes, Device device) {
        SnapshotReader in = SnapshotReader.open(bytes, MAGIC, VERSION, "learner");
        LearnerConfig config = readConfig(in);
        SplitMix64 random = new SplitMix64(in.getLong());
        List<String> labels = in.getStrings();
        List<FloatTensor> tensors = readTensors(in, config.head(), labels.size());
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        MlpHead head = null;
        Optimizer optimizer = null;
        try {
            head = MlpHead.fromTensors(config.head(), labels, tensors, manager);
            optimizer = Optimizer.readFrom(config.optimizer(), in, head.parameters(), manager);
            ReplayBuffer replay = in.getBoolean() ? ReplayBuffer.restore(in.getBytes()) : null;
            HoldoutSet holdout = HoldoutSet.restore(in.getBytes());
            Counters c = new Counters();
            c.trained = in.getLong();
            c.heldOut = in.getLong();
            c.replayed = in.getLong();
            c.firstOffset = in.getLong();
            c.lastOffset = in.getLong();
            in.expectEnd();
            if ((replay != null) != config.replay().enabled()) {
                throw in.malformed("replay buffer presence does not match the replay config");
            }
            return new LearnerState(config, manager, head, optimizer, replay, holdout, random, c);
        } catch (IllegalArgumentException e) {
            close(manager, head, optimizer);
            throw in.malformed(e.getMessage());
        } catch (RuntimeException e) {
            close(manager, head, optimizer);
            throw e;
        }
    }

    private static void writeConfig(SnapshotWriter out, LearnerConfig c) {
        HeadConfig h = c.head();
        out.putInt(h.inputDim()).putInts(h.hidden().stream().mapToInt(Integer::intValue).toArray()).putFloat(h.dropout());
        OptimizerConfig o = c.optimizer();
        out.putString(o.kind().name()).putFloat(o.learningRate()).putFloat(o.weightDecay()).putFloat(o.momentum())
                .putFloat(o.beta1()).putFloat(o.beta2()).putFloat(o.epsilon());
        out.putInt(c.batchSize());
        c.replay().writeTo(out);
        out.putDouble(c.holdoutFraction()).putInt(c.holdoutCapacity()).putLong(c.seed());
    }

    private static LearnerConfig readConfig(SnapshotReader in) {
        try {
            int inputDim = in.getInt();
            List<Integer> hidden = new ArrayList<>();
            for (int h : in.getInts()) {
                hidden.add(h);
            }
            HeadConfig head = new HeadConfig(inputDim, hidden, in.getFloat());
            OptimizerConfig optimizer = new OptimizerConfig(OptimizerConfig.Kind.valueOf(in.getString()), in.getFloat(),
                    in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat());
            int batchSize = in.getInt();
            ReplayConfig replay = ReplayConfig.readFrom(in);
            return new LearnerConfig(head, optimizer, batchSize, replay, in.getDouble(), in.getInt(), in.getLong());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw in.malformed("invalid learner config: " + e.getMessage());
        }
    }

    private static List<FloatTensor> readTensors(SnapshotReader in, HeadConfig head, int classes) {
        HeadLayout layout = head.layout(classes);
        List<String> names = layout.tensorNames();
        List<int[]> shapes = layout.shapes();
        List<FloatTensor> tensors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int size = Math.toIntExact(FloatTensor.elementCount(shapes.get(i)));
            tensors.add(new FloatTensor(names.get(i), shapes.get(i), in.getFloats(size)));
        }
        return tensors;
    }

    private static void close(NDManager manager, MlpHead head, Optimizer optimizer) {
        if (optimizer != null) {
            optimizer.close();
        }
        if (head != null) {
            head.close();
        }
        manager.close();
    }
}
