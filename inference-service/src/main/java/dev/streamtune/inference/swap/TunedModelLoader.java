package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.bert.TrainableWeights;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.weights.ArtifactRejectedException;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import dev.streamtune.inference.batching.BatcherPool;
import dev.streamtune.inference.batching.DynamicBatcher;
import dev.streamtune.inference.batching.WarmUpInputs;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Rebuilds {@code fine-tune}/{@code lora} versions on the replica's one {@link SharedBaseEncoder}: reads the
 * artifact strictly, checks it was trained on this base (weights hash) and that its declared encoder tensors are
 * those of its strategy on this base, rebuilds the classifier from base + artifact (a LoRA version adds only its
 * adapters, a fine-tune version its tuned layers), checks the head against the version, warms it up, and gives it
 * a batcher of its own. Runs on the loader thread.
 */
public final class TunedModelLoader implements TunedVersions, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TunedModelLoader.class);

    private final SharedBaseEncoder base;
    private final WeightsArtifactReader reader;
    private final BatcherPool batchers;
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tuned-version-closer");
        t.setDaemon(true);
        return t;
    });

    /** @param signingKey the trainer's HMAC key, or {@code null}/empty when signatures are not required */
    public TunedModelLoader(SharedBaseEncoder base, String signingKey, BatcherPool batchers) {
        this.base = base;
        this.reader = ArtifactReading.reader(signingKey);
        this.batchers = batchers;
    }

    @Override
    public LoadedModel load(VersionInfo info, byte[] artifact, VersionInfo current) {
        BackboneInfo baseInfo = base.info();
        CompatibilityCheck.backbone(info, baseInfo);
        CompatibilityCheck.labels(info, current);
        WeightsArtifact a = ArtifactReading.read(reader, info, artifact);
        if (!a.metadata().tunesEncoder()) {
            throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + " says "
                    + info.strategy().id() + " but its artifact holds no encoder tensors");
        }
        MiniLmEncoder encoder = openBase(info);
        TrainableWeights weights;
        try {
            a.requireBackbone(baseInfo);
            weights = a.trainableWeights(encoder.config());
        } catch (ArtifactRejectedException e) {
            throw ArtifactReading.refusal(info, e);
        }
        TextClassifier model;
        try {
            model = TextClassifier.rebuild(encoder, weights);
        } catch (IllegalArgumentException e) {
            throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + " cannot be rebuilt"
                    + " on the base encoder: " + e.getMessage(), e);
        }
        TunedEncoder tunedEncoder = new TunedEncoder(model, baseInfo);
        TunedHead head;
        try {
            head = new TunedHead(HeadPredictor.create(a.layout(), a.labels(), a.tensors()), model, closer);
        } catch (RuntimeException e) {
            model.close();
            throw new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + ": head cannot be"
                    + " built: " + e.getMessage(), e);
        }
        try {
            CompatibilityCheck.head(info, head, tunedEncoder.info());
            WarmUp.check(info, head, warmUpFeatures(info, tunedEncoder));
        } catch (RuntimeException e) {
            head.close();
            throw e;
        }
        DynamicBatcher batcher = batchers.dedicated(tunedEncoder);
        head.owns(batcher);
        LOG.infof("model %s v%d: %s rebuilt on the shared base from a %,d-byte artifact (%d encoder tensors, %,d"
                + " trainable values)", info.model(), info.version(), weights.strategy().label(), artifact.length,
                a.encoderTensors().size(), weights.parameterCount());
        return new LoadedModel(info, head, batcher, System.currentTimeMillis());
    }

    private MiniLmEncoder openBase(VersionInfo info) {
        try {
            return base.get();
        } catch (RuntimeException e) {
            throw new VersionRefusedException(RefusalReason.BACKBONE_UNAVAILABLE, "version " + info.key()
                    + ": the base encoder cannot be opened: " + e.getMessage(), e);
        }
    }

    private static float[] warmUpFeatures(VersionInfo info, TunedEncoder encoder) {
        try {
            return encoder.embed(List.of(WarmUpInputs.TEXT))[0];
        } catch (RuntimeException e) {
            throw new VersionRefusedException(RefusalReason.WARMUP_FAILED, "version " + info.key()
                    + " warm-up: the tuned encoder threw " + e, e);
        }
    }

    @Override
    public void close() {
        closer.shutdown();
    }
}
