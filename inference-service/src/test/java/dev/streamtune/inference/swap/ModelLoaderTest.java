package dev.streamtune.inference.swap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneRegistry;
import dev.streamtune.inference.batching.BatchSettings;
import dev.streamtune.inference.batching.BatcherPool;
import dev.streamtune.inference.batching.SharedBackbones;
import dev.streamtune.inference.fixtures.HashingTextBackbone;
import dev.streamtune.inference.fixtures.LinearHead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's decisions without Kafka: a hashing text backbone, plain-Java heads chosen per version by the
 * artifact's text ("ok", "wide", "nan"), and the real checks.
 */
class ModelLoaderTest {

    private static final int DIM = 8;
    private final AtomicInteger backbonesOpened = new AtomicInteger();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<Long> swaps = new CopyOnWriteArrayList<>();
    private final Set<String> withSpec = ConcurrentHashMap.newKeySet();
    /** Loads of "slow" artifacts wait for this latch. */
    private final CountDownLatch slowGate = new CountDownLatch(1);
    private final AtomicInteger slowLoads = new AtomicInteger();
    private SharedBackbones backbones;
    private BatcherPool batchers;
    private ModelLoader loader;
    private ServingModels models;
    private RegisteredModels registered;

    @BeforeEach
    void start() {
        BackboneRegistry registry = new BackboneRegistry().register("hash", Modality.TEXT, id -> {
            backbonesOpened.incrementAndGet();
            return new HashingTextBackbone(id, DIM);
        });
        backbones = new SharedBackbones(registry);
        batchers = new BatcherPool(new BatchSettings(8, 1, 1, 64), n -> { });
        SwapEvents events = new SwapEvents() {
            @Override
            public void swapped(String model, LoadedModel next, LoadedModel previous, long loadMillis) {
                swaps.add(next.info().version());
            }

            @Override
            public void refused(String model, Refusal refusal) {
                refusals.add(refusal);
            }
        };
        registered = new RegisteredModels() {
            @Override
            public boolean contains(String model) {
                return withSpec.contains(model);
            }

            @Override
            public Set<String> names() {
                return Set.copyOf(withSpec);
            }

            @Override
            public Modality modality(String model) {
                return contains(model) ? Modality.TEXT : null;
            }
        };
        models = new ServingModels(5, new IntegrityCheck(null), events, registered);
        loader = new ModelLoader(backbones, this::head, batchers, registered, events);
        models.loader(loader);
        loader.start(models::synced);
    }

    @AfterEach
    void stop() {
        loader.close();
        batchers.close();
        models.clear();
        backbones.close();
    }

    /**
     * The head an artifact stands for: "ok", "slow" (like ok, once {@link #slowGate} opens), "wide"
     * (wrong input length) or "nan" (non-finite scores).
     */
    private ModelHead head(VersionInfo info, byte[] artifact, dev.streamtune.core.backbone.BackboneInfo serving) {
        String kind = new String(artifact, StandardCharsets.UTF_8).split(":")[0];
        return switch (kind) {
            case "ok" -> LinearHead.diagonal(info.labels(), DIM, 3);
            case "slow" -> {
                slowLoads.incrementAndGet();
                awaitGate();
                yield LinearHead.diagonal(info.labels(), DIM, 3);
            }
            case "wide" -> LinearHead.diagonal(info.labels(), DIM + 1, 3);
            case "nan" -> LinearHead.diagonal(info.labels(), DIM, Float.NaN);
            default -> throw new IllegalArgumentException("unknown test artifact " + kind);
        };
    }

    private void awaitGate() {
        try {
            slowGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String model, long version, String kind, List<String> labels, String backbone, String backboneSha) {
        byte[] artifact = (kind + ":" + version).getBytes(StandardCharsets.UTF_8);
        models.onVersion(new VersionInfo(model, version, version - 1, System.currentTimeMillis(), Strategy.FEATURE_EXTRACTION,
                backbone, backboneSha, labels, null, List.of(), version, 0, Digests.sha256(artifact), null), artifact);
    }

    private void publish(String model, long version, String kind) {
        publish(model, version, kind, List.of("a", "b"), "hash", null);
    }

    private ModelEntry entry(String model) {
        return models.find(model);
    }

    private void awaitServing(String model, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> entry(model).servingVersion() == version);
    }

    private void awaitRefusal(long version, RefusalReason reason) {
        await().atMost(Duration.ofSeconds(10)).until(() -> refusals.stream()
                .anyMatch(r -> r.version() == version && r.reason() == reason));
    }

    /** Registers model m and waits until its valid version 1 serves. */
    private void servingVersionOne() {
        withSpec.add("m");
        publish("m", 1, "ok");
        awaitServing("m", 1);
    }

    /** Version 2 of m is refused for {@code reason} and version 1 keeps serving. */
    private void refusedWhileVersionOneServes(RefusalReason reason) {
        awaitRefusal(2, reason);
        assertEquals(1, entry("m").servingVersion());
    }

    @Test
    void servesTheNewestVersionAndSwapsToEachNewerOne() {
        servingVersionOne();
        publish("m", 2, "ok");
        awaitServing("m", 2);
        assertTrue(models.waiting().isEmpty());
    }

    @Test
    void refusesHeadThatDoesNotFitTheBackboneAndKeepsServing() {
        servingVersionOne();
        publish("m", 2, "wide");
        refusedWhileVersionOneServes(RefusalReason.INCOMPATIBLE);
        assertNull(entry("m").versions().get(2), "a refused version cannot be pinned");
    }

    @Test
    void refusesVersionTrainedOnOtherBackboneWeights() {
        servingVersionOne();
        publish("m", 2, "ok", List.of("a", "b"), "hash", "f".repeat(64));
        refusedWhileVersionOneServes(RefusalReason.INCOMPATIBLE);
    }

    @Test
    void refusesVersionWhoseBackboneCannotBeOpened() {
        withSpec.add("m");
        publish("m", 1, "ok", List.of("a", "b"), "no-such-backbone", null);
        awaitRefusal(1, RefusalReason.BACKBONE_UNAVAILABLE);
        assertEquals(0, entry("m").servingVersion());
        assertTrue(models.waiting().isEmpty(), "a model whose every version was refused does not hold up readiness");
    }

    @Test
    void refusesHeadFailingWarmUp() {
        servingVersionOne();
        publish("m", 2, "nan");
        refusedWhileVersionOneServes(RefusalReason.WARMUP_FAILED);
    }

    @Test
    void refusesLabelMapContradictingTheServingOne() {
        servingVersionOne();
        publish("m", 2, "ok", List.of("b", "a", "c"), "hash", null);
        refusedWhileVersionOneServes(RefusalReason.INCOMPATIBLE);
        publish("m", 3, "ok", List.of("a", "b", "c"), "hash", null);
        awaitServing("m", 3);
    }

    @Test
    void refusedNewestVersionFallsBackToTheNextValidOneAtStart() {
        withSpec.add("m");
        publish("m", 1, "ok");
        publish("m", 2, "nan");
        awaitRefusal(2, RefusalReason.WARMUP_FAILED);
        awaitServing("m", 1);
    }

    @Test
    void pinServesTheOlderVersionAndUnpinReturnsToTheNewest() {
        withSpec.add("m");
        publish("m", 1, "ok");
        publish("m", 2, "ok");
        awaitServing("m", 2);
        models.onPin("m", 1L);
        awaitServing("m", 1);
        publish("m", 3, "ok");
        assertEquals(1, entry("m").servingVersion(), "a pinned model does not follow new versions");
        models.onPin("m", null);
        awaitServing("m", 3);
    }

    @Test
    void versionWaitsForTheModelsSpec() {
        publish("m", 1, "ok");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> swaps.isEmpty());
        assertNull(models.find("m"), "a model without spec is unknown");
        withSpec.add("m");
        models.onSpec("m");
        awaitServing("m", 1);
    }

    @Test
    void modelsShareOneBackboneInstance() {
        withSpec.addAll(List.of("m1", "m2"));
        publish("m1", 1, "ok");
        publish("m2", 1, "ok");
        awaitServing("m1", 1);
        awaitServing("m2", 1);
        publish("m1", 2, "ok");
        awaitServing("m1", 2);
        assertEquals(1, backbonesOpened.get());
        assertFalse(entry("m1").slot().peek().closed());
    }

    @Test
    void readinessWaitsForEveryModelWithAValidVersion() {
        withSpec.addAll(List.of("m", "empty"));
        models.onSpec("empty");
        publish("m", 1, "slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> slowLoads.get() == 1);
        assertEquals(List.of("m"), models.waiting(), "m has a version that is not loaded yet; 'empty' has none");
        slowGate.countDown();
        awaitServing("m", 1);
        assertEquals(List.of(), models.waiting());
    }

    @Test
    void notReadyBeforeTheInitialSync() {
        ServingModels fresh = new ServingModels(5, new IntegrityCheck(null), null, registered);
        assertEquals(List.of("(initial sync)"), fresh.waiting());
        fresh.synced();
        assertEquals(List.of(), fresh.waiting());
    }
}
