package dev.streamtune.inference.batching;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.inference.fixtures.HashingTextBackbone;
import dev.streamtune.inference.fixtures.LinearHead;
import dev.streamtune.inference.fixtures.TestVersions;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.Scored;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    private static final int DIM = 8;

    private static LoadedModel model(List<String> labels) {
        return new LoadedModel(TestVersions.info("m", 1), LinearHead.diagonal(labels, DIM, 5), null, 0);
    }

    @Test
    void inputsArrivingWhileTheWorkerIsBusyGoIntoOneBackboneCall() throws Exception {
        HashingTextBackbone backbone = new HashingTextBackbone("hash", DIM);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        LoadedModel model = model(List.of("a", "b", "c"));
        try (DynamicBatcher batcher = new DynamicBatcher(backbone, new BatchSettings(32, 2, 1, 100), sizes::add)) {
            backbone.hold();
            CompletableFuture<List<Scored>> first = batcher.submit("first text", model, 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> backbone.entered() == 1);
            List<CompletableFuture<List<Scored>>> rest = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rest.add(batcher.submit("text number " + i, model, 2));
            }
            backbone.release();
            assertEquals(2, first.get().size());
            for (CompletableFuture<List<Scored>> f : rest) {
                assertEquals(2, f.get().size());
            }
            assertEquals(List.of(1, 20), backbone.calls());
            assertEquals(List.of(1, 20), sizes);
        }
    }

    @Test
    void batchNeverExceedsMaxBatch() throws Exception {
        HashingTextBackbone backbone = new HashingTextBackbone("hash", DIM);
        LoadedModel model = model(List.of("a", "b"));
        try (DynamicBatcher batcher = new DynamicBatcher(backbone, new BatchSettings(4, 2, 1, 100), n -> { })) {
            backbone.hold();
            batcher.submit("first", model, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> backbone.entered() == 1);
            List<CompletableFuture<List<Scored>>> rest = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rest.add(batcher.submit("t" + i, model, 1));
            }
            backbone.release();
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get();
            assertEquals(List.of(1, 4, 4, 2), backbone.calls());
        }
    }

    @Test
    void rejectedInputFailsAloneAndTheOthersOfItsBatchAreAnswered() throws Exception {
        HashingTextBackbone backbone = new HashingTextBackbone("hash", DIM);
        LoadedModel model = model(List.of("a", "b"));
        try (DynamicBatcher batcher = new DynamicBatcher(backbone, new BatchSettings(32, 2, 1, 100), n -> { })) {
            backbone.hold();
            batcher.submit("first", model, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> backbone.entered() == 1);
            CompletableFuture<List<Scored>> good1 = batcher.submit("fine text", model, 1);
            CompletableFuture<List<Scored>> bad = batcher.submit("broken " + HashingTextBackbone.REJECTED, model, 1);
            CompletableFuture<List<Scored>> good2 = batcher.submit("another fine text", model, 1);
            backbone.release();
            assertEquals(1, good1.get().size());
            assertEquals(1, good2.get().size());
            ExecutionException e = assertThrows(ExecutionException.class, bad::get);
            assertInstanceOf(InputRejectedException.class, e.getCause());
        }
    }

    @Test
    void eachModelOfAMixedBatchIsAnsweredByItsOwnHead() throws Exception {
        HashingTextBackbone backbone = new HashingTextBackbone("hash", DIM);
        LoadedModel letters = model(List.of("a", "b"));
        LoadedModel digits = model(List.of("1", "2", "3"));
        try (DynamicBatcher batcher = new DynamicBatcher(backbone, new BatchSettings(32, 2, 1, 100), n -> { })) {
            backbone.hold();
            batcher.submit("first", letters, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> backbone.entered() == 1);
            CompletableFuture<List<Scored>> l = batcher.submit("same text", letters, 5);
            CompletableFuture<List<Scored>> d = batcher.submit("same text", digits, 1);
            backbone.release();
            assertEquals(2, l.get().size(), "k larger than the label count returns every label");
            assertTrue(List.of("a", "b").contains(l.get().get(0).label()));
            assertEquals(1, d.get().size());
            assertTrue(List.of("1", "2", "3").contains(d.get().get(0).label()));
            assertEquals(2, backbone.calls().size(), "both models shared the second backbone call");
        }
    }

    @Test
    void fullQueueFailsNewInputsWithOverloaded() throws Exception {
        HashingTextBackbone backbone = new HashingTextBackbone("hash", DIM);
        LoadedModel model = model(List.of("a", "b"));
        try (DynamicBatcher batcher = new DynamicBatcher(backbone, new BatchSettings(2, 0, 1, 2), n -> { })) {
            backbone.hold();
            batcher.submit("first", model, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> backbone.entered() == 1);
            CompletableFuture<List<Scored>> queued1 = batcher.submit("q1", model, 1);
            CompletableFuture<List<Scored>> queued2 = batcher.submit("q2", model, 1);
            CompletableFuture<List<Scored>> refused = batcher.submit("q3", model, 1);
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(OverloadedException.class, e.getCause());
            backbone.release();
            assertEquals(1, queued1.get().size());
            assertEquals(1, queued2.get().size());
        }
    }

    @Test
    void rejectsSettingsWithQueueSmallerThanABatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchSettings(32, 2, 1, 8));
        assertTrue(e.getMessage().contains("queue-capacity"));
    }
}
