package dev.streamtune.inference.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.bert.BertConfig;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.Projection;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.bert.TrainableWeights;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.WeightsArtifactWriter;
import dev.streamtune.inference.batching.BatchSettings;
import dev.streamtune.inference.batching.BatcherPool;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lora}/{@code fine-tune} versions rebuilt on the application's shared base encoder, served, swapped and
 * refused. A Quarkus test only so that the encoder's native libraries load in the same class loader as the other
 * tests of this JVM (a JNI library loads in one class loader only).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TunedModelLoaderTest {

    private static final String KEY = "tuned-signing-key";
    private static final List<String> LABELS = List.of("animal", "food");
    private static final FineTuneStrategy LORA = FineTuneStrategy.lora(4, 8f, 2, List.of(Projection.QUERY,
            Projection.VALUE));

    @Inject
    SharedBaseEncoder base;

    private BatcherPool batchers;
    private TunedModelLoader loader;

    @BeforeEach
    void open() {
        batchers = new BatcherPool(new BatchSettings(8, 1, 2, 256), n -> { });
        loader = new TunedModelLoader(base, KEY, batchers);
    }

    @AfterEach
    void close() {
        loader.close();
        batchers.close();
    }

    /** A version's record metadata and artifact for {@code weights}. */
    private record Published(VersionInfo info, byte[] artifact) {}

    private Published publish(long version, TrainableWeights weights, Strategy recordStrategy) {
        var core = new dev.streamtune.core.weights.VersionInfo("tuned", version, version == 1 ? null : version - 1,
                base.info(), Map.of(), new Lineage(10 * version, version, List.of()), 1000 * version);
        byte[] bytes = WeightsArtifactWriter.write(core, weights, KEY.getBytes(StandardCharsets.UTF_8)).bytes();
        VersionInfo info = new VersionInfo("tuned", version, version - 1, 1000 * version, recordStrategy,
                base.info().id(), base.info().sha256(), weights.labels(), null, List.of(), 10 * version, 0,
                Digests.sha256(bytes), Digests.hmacSha256(KEY, bytes));
        return new Published(info, bytes);
    }

    private TrainableWeights weights(FineTuneStrategy strategy, long seed) {
        try (TextClassifier model = TextClassifier.create(base.get(), strategy, new HeadConfig(384, List.of(16), 0f),
                LABELS, seed)) {
            return model.export();
        }
    }

    @Test
    void servesWhatTheRebuiltClassifierPredicts() throws Exception {
        for (FineTuneStrategy strategy : List.of(LORA, FineTuneStrategy.fineTune(1))) {
            TrainableWeights w = weights(strategy, 3);
            Published p = publish(1, w, strategy.kind());
            LoadedModel m = loader.load(p.info(), p.artifact(), null);
            try (TextClassifier local = TextClassifier.rebuild(base.get(), w)) {
                String text = "a large carnivorous feline of the savanna";
                float[] logits = local.predict(List.of(text))[0];
                double p0 = 1 / (1 + Math.exp(logits[1] - logits[0]));
                List<Scored> served = m.batcher().submit(text, m, 2).get(30, TimeUnit.SECONDS);
                double servedP0 = served.stream().filter(s -> s.label().equals("animal")).findFirst().orElseThrow().score();
                assertEquals(p0, servedP0, 1e-5, strategy.label());
            } finally {
                m.release();
            }
            assertTrue(m.closed());
        }
    }

    @Test
    void swapsLoraVersionsUnderLoadWithoutAFailedRequest() throws Exception {
        ModelSlot slot = new ModelSlot();
        Published first = publish(1, weights(LORA, 1), Strategy.LORA);
        slot.swap(loader.load(first.info(), first.artifact(), null));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    ModelLease lease = slot.lease();
                    try {
                        lease.model().batcher().submit("a loaf of bread", lease.model(), 1).get(30, TimeUnit.SECONDS);
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e);
                    } finally {
                        lease.close();
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        List<LoadedModel> swappedOut = new ArrayList<>();
        for (long v = 2; v <= 4; v++) {
            Published next = publish(v, weights(LORA, v), Strategy.LORA);
            swappedOut.add(slot.peek());
            slot.swap(loader.load(next.info(), next.artifact(), slot.peek().info()));
            int before = answered.get();
            org.awaitility.Awaitility.await().until(() -> answered.get() > before + 3);
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join(30_000);
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(4, slot.peek().info().version());
        assertTrue(swappedOut.stream().allMatch(LoadedModel::closed), "swapped-out versions close after their requests");
        slot.clear();
    }

    @Test
    void refusesCorruptedMislabelledOrIncompatibleArtifacts() {
        Published good = publish(1, weights(LORA, 2), Strategy.LORA);
        byte[] flipped = good.artifact().clone();
        flipped[flipped.length - 10] ^= 0x20;
        assertEquals(RefusalReason.CORRUPT, refusal(good.info(), flipped));

        TrainableWeights frozen = weights(FineTuneStrategy.featureExtraction(), 2);
        Published headOnly = publish(1, frozen, Strategy.LORA);
        assertEquals(RefusalReason.INCOMPATIBLE, refusal(headOnly.info(), headOnly.artifact()));

        // adapters shaped for an encoder of hidden size 8, not this base's 384
        BertConfig other = new BertConfig(10, 8, 2, 8, 6, 2, 16, 1e-12f);
        List<FloatTensor> tensors = new ArrayList<>();
        LORA.trainableShapes(other).forEach((name, shape) ->
                tensors.add(new FloatTensor(name, shape, new float[(int) FloatTensor.elementCount(shape)])));
        tensors.addAll(frozen.tensors());
        Published misshapen = publish(1, new TrainableWeights(LORA, frozen.head(), LABELS, tensors), Strategy.LORA);
        assertEquals(RefusalReason.INCOMPATIBLE, refusal(misshapen.info(), misshapen.artifact()));

        VersionInfo otherBase = new VersionInfo("tuned", 1, 0, 1, Strategy.LORA, "minilm-l6-v2", "00".repeat(32),
                LABELS, null, List.of(), 1, 0, good.info().artifactSha256(), good.info().signature());
        assertEquals(RefusalReason.INCOMPATIBLE, refusal(otherBase, good.artifact()));

        VersionInfo unsigned = new VersionInfo("tuned", 1, 0, 1, Strategy.LORA, "minilm-l6-v2", base.info().sha256(),
                LABELS, null, List.of(), 1, 0, good.info().artifactSha256(), null);
        assertEquals(RefusalReason.UNSIGNED, refusal(unsigned, good.artifact()));
    }

    private RefusalReason refusal(VersionInfo info, byte[] artifact) {
        return assertThrows(VersionRefusedException.class, () -> loader.load(info, artifact, null)).reason();
    }
}
