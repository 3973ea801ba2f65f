package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.kafka.common.CompactedTopicView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The training loop's open {@link ModelSession}s: created on a model's first sample, restored from the latest
 * committed checkpoint when there is one, closed when the model's partition leaves this instance. Owned by the
 * loop's thread; publishes read-only statuses to a {@link StatusBoard}.
 */
public final class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);
    private final CompactedTopicView<ModelSpec> specs;
    private final CompactedTopicView<byte[]> checkpoints;
    private final LearnerFactory learners;
    private final CheckpointCodec codec;
    private final String stateTopic;
    private final String samplesTopic;
    private final int dedupWindow;
    private final StatusBoard board;
    private final Map<String, ModelSession> sessions = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();
    private final Map<String, long[]> rate = new HashMap<>(); // model -> {samples, nanos} at last refresh
    private final Map<String, Long> deadLettered = new HashMap<>();
    private long lastRefresh;

    public SessionStore(CompactedTopicView<ModelSpec> specs, CompactedTopicView<byte[]> checkpoints, LearnerFactory learners,
            CheckpointCodec codec, String samplesTopic, String stateTopic, int dedupWindow, StatusBoard board) {
        this.specs = specs;
        this.checkpoints = checkpoints;
        this.learners = learners;
        this.codec = codec;
        this.stateTopic = stateTopic;
        this.samplesTopic = samplesTopic;
        this.dedupWindow = dedupWindow;
        this.board = board;
    }

    /** The session of {@code spec}'s model, consumed from {@code partition}; restored or created on first use. */
    public ModelSession forModel(ModelSpec spec, int partitionNumber) {
        ModelSession s = sessions.get(spec.name());
        if (s != null) {
            return s;
        }
        byte[] saved = checkpoints.get(spec.name());
        if (saved == null) {
            s = ModelSession.fresh(spec, learners.create(spec), dedupWindow);
            LOG.infof("model %s: new learner", spec.name());
        } else {
            CheckpointCodec.Checkpoint c;
            try {
                c = codec.decode(saved);
                s = ModelSession.restored(spec, learners.restore(spec, c.learner()), c, dedupWindow);
            } catch (IllegalArgumentException e) {
                // never start from scratch over a broken checkpoint: that would silently drop trained samples
                throw new IllegalStateException("checkpoint of model " + spec.name() + " is unusable: " + e.getMessage(), e);
            }
            LOG.infof("model %s: restored checkpoint (version %d, %d samples trained)", spec.name(), c.header().lastVersion(),
                    c.header().lineage() == null ? 0 : c.header().lineage().cumulative());
        }
        sessions.put(spec.name(), s);
        partitionOf.put(spec.name(), partitionNumber);
        return s;
    }

    /** The open sessions. */
    public Collection<ModelSession> open() {
        return List.copyOf(sessions.values());
    }

    /** Checkpoint records for every session changed since its last checkpoint. */
    public List<ProducerRecord<String, byte[]>> dirtyCheckpoints() {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ModelSession s : sessions.values()) {
            if (s.dirty()) {
                out.add(new ProducerRecord<>(stateTopic, s.spec().name(), codec.encode(s.checkpoint())));
            }
        }
        return out;
    }

    /** Counts a dead-lettered record of {@code model} (for its status). */
    public void deadLettered(String model) {
        if (model != null) {
            deadLettered.merge(model, 1L, Long::sum);
        }
    }

    /** Closes every session (after an abort: their state is ahead of the last checkpoint). */
    public void closeAll() {
        sessions.values().forEach(ModelSession::close);
        sessions.clear();
        partitionOf.clear();
        rate.clear();
    }

    /** Closes the sessions of models living on {@code partitions}. */
    public void closePartitions(Collection<TopicPartition> partitions) {
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        partitions.forEach(tp -> numbers.add(tp.partition()));
        Iterator<Map.Entry<String, ModelSession>> it = sessions.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ModelSession> e = it.next();
            if (numbers.contains(partitionOf.get(e.getKey()))) {
                e.getValue().close();
                board.remove(e.getKey());
                partitionOf.remove(e.getKey());
                rate.remove(e.getKey());
                it.remove();
            }
        }
    }

    /** Publishes which samples partitions this instance owns. */
    public void owned(Collection<TopicPartition> assignment) {
        board.partitions(assignment.stream().map(TopicPartition::partition).toList());
    }

    /** Reads the spec topic up to its end; {@code true} when that succeeded. Thread-safe (it only reads the view). */
    public boolean catchUpSpecs() {
        return specs.awaitCaughtUp(Duration.ofSeconds(2));
    }

    /** Reads the checkpoint topic up to its end, so restores see the latest committed checkpoints. */
    public void catchUpCheckpoints() {
        if (!tryCatchUpCheckpoints()) {
            throw new IllegalStateException("trainer-state topic could not be read to its end within 60 s");
        }
    }

    /** {@link #catchUpCheckpoints()}, {@code false} instead of an exception when it took over 60 s. */
    public boolean tryCatchUpCheckpoints() {
        return checkpoints.awaitCaughtUp(Duration.ofSeconds(60));
    }

    /** Refreshes the status board, at most once a second. */
    public void refreshStatuses(KafkaConsumer<String, byte[]> consumer) {
        long now = System.nanoTime();
        if (now - lastRefresh < 1_000_000_000L) {
            return;
        }
        lastRefresh = now;
        for (ModelSession s : sessions.values()) {
            String model = s.spec().name();
            TopicPartition tp = new TopicPartition(samplesTopic, partitionOf.get(model));
            long lag = consumer.assignment().contains(tp) ? consumer.currentLag(tp).orElse(-1) : -1;
            long[] r = rate.get(model);
            double sps = 0;
            if (r != null && now > r[1]) {
                sps = (s.samplesTrained() - r[0]) * 1e9 / (now - r[1]);
            }
            rate.put(model, new long[] {s.samplesTrained(), now});
            ForgettingGate.Decision d = s.lastDecision();
            board.put(new TrainingStatus(model, s.samplesTrained(), s.duplicates(), deadLettered.getOrDefault(model, 0L),
                    s.lastVersion(), s.rejectedCandidates(),
                    d == null ? "none" : d.publish() ? "published" : "rejected",
                    d == null ? null : d.reason(), s.lastDecisionAt(), sps, lag, tp.partition(), board.device(), s.newestSampleAt()));
        }
    }
}
