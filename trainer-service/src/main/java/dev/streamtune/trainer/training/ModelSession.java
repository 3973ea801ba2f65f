package dev.streamtune.trainer.training;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.VersionInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the trainer keeps for one model between commits: its learner, deduplicator, lineage, publish clock
 * and the figures of its last published version. Not thread-safe: owned by the training loop's thread.
 */
public final class ModelSession implements AutoCloseable {

    private final ModelSpec spec;
    private final ModelLearner learner;
    private final SampleDeduplicator dedup;
    private final LineageTracker lineage;
    private final PublishPolicy policy;
    private final ForgettingGate gate;
    private long lastVersion;
    private Map<String, Double> publishedPerClass;
    private final Map<String, Double> bestPerClass;
    private long newestSampleAt;
    private long duplicates;
    private long rejectedCandidates;
    private long sinceCandidate;
    private long lastCandidateNanos = System.nanoTime();
    private boolean dirty;
    private ForgettingGate.Decision lastDecision;
    private long lastDecisionAt;

    private ModelSession(ModelSpec spec, ModelLearner learner, SampleDeduplicator dedup, LineageTracker lineage, CheckpointCodec.Header h) {
        this.spec = spec;
        this.learner = learner;
        this.dedup = dedup;
        this.lineage = lineage;
        this.policy = PublishPolicy.of(spec.publish());
        double maxDrop = spec.publish() == null ? ModelSpec.PublishSettings.defaults().maxForgetting() : spec.publish().maxForgetting();
        this.gate = new ForgettingGate(maxDrop);
        this.lastVersion = h == null ? 0 : h.lastVersion();
        this.publishedPerClass = h == null || h.publishedPerClass() == null ? Map.of() : Map.copyOf(h.publishedPerClass());
        this.bestPerClass = h == null || h.bestPerClass() == null ? new HashMap<>() : new HashMap<>(h.bestPerClass());
        this.newestSampleAt = h == null ? 0 : h.newestSampleAt();
        this.duplicates = h == null ? 0 : h.duplicates();
        this.rejectedCandidates = h == null ? 0 : h.rejectedCandidates();
        this.sinceCandidate = lineage.sinceCut();
    }

    /** A session for a model that has no checkpoint yet. */
    public static ModelSession fresh(ModelSpec spec, ModelLearner learner, int dedupWindow) {
        return new ModelSession(spec, learner, new SampleDeduplicator(dedupWindow), new LineageTracker(), null);
    }

    /** A session continuing from a checkpoint. */
    public static ModelSession restored(ModelSpec spec, ModelLearner learner, CheckpointCodec.Checkpoint c, int dedupWindow) {
        return new ModelSession(spec, learner, SampleDeduplicator.restore(c.dedup(), dedupWindow),
                LineageTracker.restore(c.header().lineage()), c.header());
    }

    /** Whether {@code id} is new; a duplicate is counted and must be skipped. */
    public boolean firstTime(String id) {
        boolean first = dedup.firstTime(id);
        if (!first) {
            duplicates++;
        }
        return first;
    }

    /** One sample to train, with where it came from. */
    public record Trained(ModelLearner.Example example, int partition, long offset, long producedAt) {}

    /** Trains a batch of this model's new samples. */
    public void train(List<Trained> batch) {
        if (batch.isEmpty()) {
            return;
        }
        learner.observe(batch.stream().map(Trained::example).toList());
        for (Trained t : batch) {
            lineage.trained(t.partition(), t.offset());
            newestSampleAt = Math.max(newestSampleAt, t.producedAt());
        }
        sinceCandidate += batch.size();
        dirty = true;
    }

    /** New samples still to train before the sample-count rule wants a candidate. */
    public long samplesUntilCandidate() {
        return policy.everySamples() - sinceCandidate;
    }

    /** Whether a candidate version is due now. */
    public boolean candidateDue(long nowNanos) {
        return policy.due(sinceCandidate, nowNanos - lastCandidateNanos);
    }

    /** A version ready to publish: its metadata and record value parts. */
    public record Candidate(VersionInfo info, byte[] artifact) {}

    /**
     * Evaluates the current weights and applies the forgetting gate. On success the lineage is cut and the
     * version counted; on rejection the candidate is counted and training goes on.
     *
     * @return the version to publish, or {@code null} when the gate refused it (see {@link #lastDecision()})
     */
    public Candidate candidate(long nowMillis, String signingKey) {
        lastCandidateNanos = System.nanoTime();
        sinceCandidate = 0;
        ModelLearner.Evaluation eval = learner.evaluate();
        ForgettingGate.Decision d = gate.decide(publishedPerClass, eval.perClass());
        lastDecision = d;
        lastDecisionAt = nowMillis;
        if (!d.publish()) {
            rejectedCandidates++;
            dirty = true;
            return null;
        }
        double forgetting = ForgettingGate.forgetting(bestPerClass, eval.perClass());
        long version = lastVersion + 1;
        VersionInfo draft = new VersionInfo(spec.name(), version, lastVersion, nowMillis, spec.strategy(), spec.backbone(),
                learner.backboneSha256(), learner.labels(),
                new VersionInfo.Metrics(eval.accuracy(), eval.perClass(), d.oldClassAccuracy(), forgetting, eval.holdoutSize()),
                lineage.current(), lineage.cumulative(), newestSampleAt, null, null);
        byte[] artifact = learner.exportArtifact(draft);
        String sha = Digests.sha256(artifact);
        String sig = signingKey == null ? null : Digests.hmacSha256(signingKey, artifact);
        VersionInfo info = new VersionInfo(draft.model(), version, lastVersion, nowMillis, spec.strategy(), spec.backbone(),
                draft.backboneSha256(), draft.labels(), draft.metrics(), lineage.cut(), lineage.cumulative(),
                newestSampleAt, sha, sig);
        lastVersion = version;
        publishedPerClass = Map.copyOf(eval.perClass());
        eval.perClass().forEach((k, v) -> bestPerClass.merge(k, v, Math::max));
        dirty = true;
        return new Candidate(info, artifact);
    }

    /** Whether the session changed since its last checkpoint. */
    public boolean dirty() {
        return dirty;
    }

    /** The session's state as a checkpoint; clears the dirty flag. */
    public CheckpointCodec.Checkpoint checkpoint() {
        dirty = false;
        return new CheckpointCodec.Checkpoint(
                new CheckpointCodec.Header(spec.name(), spec.revision(), lastVersion, publishedPerClass, Map.copyOf(bestPerClass),
                        lineage.state(), newestSampleAt, duplicates, rejectedCandidates),
                dedup.snapshot(), learner.snapshot());
    }

    public ModelSpec spec() {
        return spec;
    }

    public long lastVersion() {
        return lastVersion;
    }

    public long samplesTrained() {
        return lineage.cumulative();
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejectedCandidates() {
        return rejectedCandidates;
    }

    public long newestSampleAt() {
        return newestSampleAt;
    }

    /** The last gate decision, or {@code null} before the first candidate. */
    public ForgettingGate.Decision lastDecision() {
        return lastDecision;
    }

    /** Epoch millis of the last gate decision (0 = none). */
    public long lastDecisionAt() {
        return lastDecisionAt;
    }

    @Override
    public void close() {
        learner.close();
    }
}
