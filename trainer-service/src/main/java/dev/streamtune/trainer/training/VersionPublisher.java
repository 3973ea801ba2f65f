package dev.streamtune.trainer.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Turns a due candidate into a {@code model-versions} record inside the loop's open transaction, and measures
 * publish latency: from the candidate being ready to the transaction that carries it being committed.
 */
public final class VersionPublisher {

    private static final Logger LOG = Logger.getLogger(VersionPublisher.class);
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ObjectMapper json;
    private final TrainingMetrics metrics;
    private final List<Sent> pending = new ArrayList<>();

    /** A version sent in the open transaction, and when its candidate was ready. */
    private record Sent(VersionInfo info, long readyNanos) {}

    public VersionPublisher(KafkaProducer<String, byte[]> producer, String topic, ObjectMapper json, TrainingMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Evaluates {@code session}'s candidate; if the forgetting gate passes it, sends the version record.
     *
     * @return whether a version was sent (the caller must commit soon)
     */
    public boolean offer(ModelSession session, String signingKey) {
        ModelSession.Candidate c = session.candidate(System.currentTimeMillis(), signingKey);
        ForgettingGate.Decision d = session.lastDecision();
        if (c == null) {
            metrics.candidateRejected(session.spec().name());
            LOG.infof("model %s: candidate rejected: %s", session.spec().name(), d.reason());
            return false;
        }
        long ready = System.nanoTime();
        byte[] info;
        try {
            info = json.writeValueAsBytes(c.info());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise version metadata", e);
        }
        RecordHeaders h = new RecordHeaders();
        h.add("streamtune.model", c.info().model().getBytes(StandardCharsets.UTF_8));
        h.add("streamtune.version", Long.toString(c.info().version()).getBytes(StandardCharsets.UTF_8));
        h.add("streamtune.sha256", c.info().artifactSha256().getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topic, null, c.info().key(), new VersionEnvelope(info, c.artifact()).encode(), h));
        pending.add(new Sent(c.info(), ready));
        return true;
    }

    /** The transaction carrying the pending versions committed at {@code nanos}. */
    public void committed(long nanos) {
        for (Sent sent : pending) {
            VersionInfo v = sent.info();
            metrics.published(v.model(), nanos - sent.readyNanos(), v.metrics().accuracy());
            LOG.infof("model %s: published version %d (holdout accuracy %.3f, %d samples, lineage %s)",
                    v.model(), v.version(), v.metrics().accuracy(), v.cumulativeSamples(), v.lineage());
        }
        pending.clear();
    }

    /** The transaction carrying the pending versions was aborted: they never existed. */
    public void aborted() {
        pending.clear();
    }
}
