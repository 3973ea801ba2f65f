package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.trainer.messaging.DeadLetters;
import dev.streamtune.trainer.messaging.RejectReason;
import dev.streamtune.trainer.messaging.SampleValidator;
import dev.streamtune.trainer.messaging.SampleVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The trainer's consume-train-publish loop, exactly once. Records are consumed in batches (read_committed),
 * validated (rejects go to the dead-letter topic), deduplicated, turned into features and trained per model.
 * Candidate versions, dead letters, checkpoints of every changed model and the consumed offsets are written in
 * ONE Kafka transaction, committed at every publish and at least every checkpoint interval. Until then nothing of
 * it is visible; after a crash the next owner of a partition restores the checkpoints and resumes from the
 * committed offsets, so every sample is trained into the published lineage exactly once.
 *
 * <p>Pipelined: while a batch is trained, published and committed, the next poll's records are already decoded,
 * validated and embedded on a background thread ({@link PollAhead}). That preparation is pure; everything with an
 * effect (dead letters, dedup claims, training) happens when the loop processes the batch, and the offsets it
 * commits are the ones it tracked as processed per partition, never the consumer's position, which runs ahead. A
 * batch polled before a rebalance or a rollback is dropped unprocessed and its records are read again.
 *
 * <p>Runs on its own thread; everything it owns is confined to that thread (the preparation of the batch ahead
 * only reads).
 */
public final class TrainingLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(TrainingLoop.class);

    private final LoopSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final SessionStore sessions;
    private final BatchPreparer preparer;
    private final PollAhead pollAhead = new PollAhead();
    /** Per partition, the offset after the last record processed (trained, dead-lettered or skipped). */
    private final Map<TopicPartition, Long> processed = new HashMap<>();
    /** Bumped by every rebalance and rollback; batches polled under an older value are dropped. */
    private long epoch;
    private final VersionPublisher publisher;
    private final TrainingMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private boolean inTransaction;
    private long lastCommitNanos = System.nanoTime();
    private boolean publishedInStep;

    public TrainingLoop(LoopSettings settings, KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer,
            SampleValidator validator, DeadLetters deadLetters, SessionStore sessions, FeatureExtractor features,
            VersionPublisher publisher, TrainingMetrics metrics) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.sessions = sessions;
        this.preparer = new BatchPreparer(validator, sessions::catchUpSpecs, features);
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Loop settings. */
    public record LoopSettings(String samplesTopic, Duration pollWait, long checkpointEveryNanos, String signingKey) {}

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(settings.samplesTopic()), new Rebalance());
            while (running.get()) {
                PreparedBatch batch = next();
                if (batch.epoch() != epoch) {
                    continue; // polled before a rebalance or rollback: its records are read again
                }
                try {
                    step(batch);
                } catch (KafkaException e) {
                    LOG.warnf(e, "transaction failed; rolling back to the last checkpoint");
                    rollBack();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "training loop stopped");
            metrics.loopFailed();
        } finally {
            pollAhead.close();
            if (inTransaction) {
                try {
                    producer.abortTransaction();
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            }
            sessions.closeAll();
            closeQuietly();
        }
    }

    /**
     * The batch to process now: the one prepared in the background, else a fresh poll prepared here. Before
     * returning it, polls the records after it without waiting and starts preparing them in the background.
     */
    private PreparedBatch next() {
        PreparedBatch current = pollAhead.take();
        if (current == null) {
            ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollWait());
            current = preparer.prepare(records, epoch);
        }
        ConsumerRecords<String, byte[]> more = consumer.poll(Duration.ZERO); // may rebalance: then current is stale
        if (!more.isEmpty()) {
            long polledIn = epoch;
            pollAhead.start(() -> preparer.prepare(more, polledIn));
        }
        return current;
    }

    private void step(PreparedBatch batch) {
        if (!batch.isEmpty()) {
            begin();
            Map<String, List<Pending>> byModel = route(batch);
            for (Map.Entry<String, List<Pending>> e : byModel.entrySet()) {
                trainModel(e.getKey(), e.getValue());
            }
        }
        long now = System.nanoTime();
        boolean published = publishedInStep;
        publishedInStep = false;
        for (ModelSession s : sessions.open()) {
            if (s.candidateDue(now)) {
                begin();
                published |= publisher.offer(s, settings.signingKey());
            }
        }
        if (inTransaction && (published || now - lastCommitNanos >= settings.checkpointEveryNanos())) {
            commit();
        }
        sessions.refreshStatuses(consumer);
    }

    private void begin() {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    /** A consumed sample, with its features, waiting for its model's batch. */
    private record Pending(ConsumerRecord<String, byte[]> record, SampleRecord sample, ModelSpec spec, float[] features) {}

    /**
     * Applies each record's verdict in poll order: dead letters and dedup claims happen here, in the open
     * transaction, and every record counts as processed.
     */
    private Map<String, List<Pending>> route(PreparedBatch batch) {
        Map<String, List<Pending>> byModel = new LinkedHashMap<>();
        for (PreparedBatch.Item item : batch.items()) {
            ConsumerRecord<String, byte[]> r = item.record();
            if (item.verdict() instanceof SampleVerdict.Rejected rej) {
                deadLetter(r, rej.reason(), rej.detail());
            } else if (item.verdict() instanceof SampleVerdict.Accepted acc) {
                ModelSession s = sessions.forModel(acc.spec(), r.partition());
                if (!s.firstTime(acc.sample().id())) {
                    metrics.duplicate(acc.spec().name());
                } else if (item.badInput() != null) {
                    deadLetter(r, RejectReason.BAD_INPUT, item.badInput());
                } else {
                    byModel.computeIfAbsent(acc.spec().name(), k -> new ArrayList<>())
                            .add(new Pending(r, acc.sample(), acc.spec(), item.features()));
                }
            }
            processed.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
        }
        return byModel;
    }

    private void trainModel(String model, List<Pending> pending) {
        ModelSpec spec = pending.get(0).spec();
        List<ModelSession.Trained> batch = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            batch.add(new ModelSession.Trained(new ModelLearner.Example(p.sample().id(), p.features(), p.sample().label(),
                    p.sample().text()),
                    p.record().partition(), p.record().offset(), p.sample().producedAt()));
        }
        ModelSession session = sessions.forModel(spec, pending.get(0).record().partition());
        // train in chunks that end where the publish policy wants a candidate, so a large poll still yields
        // one version per `everySamples` samples
        int from = 0;
        while (from < batch.size()) {
            int to = (int) Math.min(batch.size(), from + Math.max(1, session.samplesUntilCandidate()));
            long t0 = System.nanoTime();
            session.train(batch.subList(from, to));
            metrics.trained(model, to - from, System.nanoTime() - t0);
            from = to;
            if (session.candidateDue(System.nanoTime())) {
                publishedInStep |= publisher.offer(session, settings.signingKey());
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, RejectReason reason, String detail) {
        producer.send(deadLetters.of(r, reason, detail));
        metrics.deadLettered(reason, r.key());
        sessions.deadLettered(r.key());
        LOG.debugf("dead-lettered %s-%d@%d: %s (%s)", r.topic(), r.partition(), r.offset(), reason.wire(), detail);
    }

    private void commit() {
        long t0 = System.nanoTime();
        for (ProducerRecord<String, byte[]> cp : sessions.dirtyCheckpoints()) {
            producer.send(cp);
        }
        // what was processed, not the consumer's position: that runs ahead by the batch being prepared
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> owned = consumer.assignment();
        processed.forEach((tp, next) -> {
            if (owned.contains(tp)) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        });
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        }
        producer.commitTransaction();
        inTransaction = false;
        lastCommitNanos = System.nanoTime();
        publisher.committed(lastCommitNanos);
        metrics.committed(lastCommitNanos - t0);
    }

    /**
     * Throws away everything since the last commit: abort, forget sessions and the batches polled but not
     * processed, rewind to committed offsets.
     */
    private void rollBack() {
        dropPolled();
        processed.clear();
        if (inTransaction) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                LOG.errorf(e, "abort failed; the producer is unusable, stopping");
                running.set(false);
            }
            inTransaction = false;
        }
        publisher.aborted();
        sessions.closeAll();
        rewind(consumer.assignment());
        // the sessions are restored from the checkpoints of the last commit, which the view may not have read yet
        while (running.get() && !sessions.tryCatchUpCheckpoints()) {
            LOG.warn("the checkpoint topic could not be read to its end; retrying before any model is restored");
        }
    }

    private void rewind(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata om = committed.get(tp);
            if (om == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, om.offset());
            }
        }
    }

    /** Forgets the batches polled but not processed: the current one (by its epoch) and the one ahead. */
    private void dropPolled() {
        epoch++;
        pollAhead.drop();
    }

    /** Asks the loop to finish its current step and stop. */
    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    private void closeQuietly() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // best effort
        }
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    /** Hands models over with their checkpoints when partitions move between trainer instances. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (inTransaction) {
                try {
                    commit();
                } catch (KafkaException e) {
                    LOG.warnf(e, "could not commit before giving up partitions %s; the next owner resumes from the last checkpoint", partitions);
                    rollBack();
                }
            }
            // the polled batches may hold records of any partition: drop them all and seek every partition back
            // to what was just committed (the consumer's position ran ahead by those batches)
            dropPolled();
            processed.keySet().removeAll(partitions);
            rewind(consumer.assignment());
            sessions.closePartitions(partitions);
            sessions.owned(List.of());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            sessions.catchUpCheckpoints();
            sessions.owned(consumer.assignment());
            LOG.infof("training partitions %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            dropPolled();
            if (inTransaction) {
                rollBack();
            } else {
                rewind(partitions);
            }
            processed.keySet().removeAll(partitions);
            sessions.closePartitions(partitions);
        }
    }
}
