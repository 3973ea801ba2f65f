package dev.streamtune.inference.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.inference.fixtures.LinearHead;
import dev.streamtune.inference.fixtures.TestVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelSlotTest {

    private static LoadedModel loaded(long version, LinearHead head) {
        return new LoadedModel(TestVersions.info("m", version), head, null, System.currentTimeMillis());
    }

    @Test
    void emptySlotLeasesNothing() {
        assertNull(new ModelSlot().lease());
    }

    @Test
    void swappedOutVersionClosesOnlyAfterItsLastLeaseEnds() {
        ModelSlot slot = new ModelSlot();
        LinearHead h1 = LinearHead.diagonal(List.of("a", "b"), 2, 1);
        LinearHead h2 = LinearHead.diagonal(List.of("a", "b"), 2, 1);
        slot.swap(loaded(1, h1));
        ModelLease inFlight = slot.lease();

        slot.swap(loaded(2, h2));

        assertFalse(h1.closed(), "v1 still has a request in flight");
        assertEquals(1, inFlight.model().head().predict(new float[][] {{1, 0}}, 1).size());
        try (ModelLease next = slot.lease()) {
            assertEquals(2, next.model().info().version());
        }
        inFlight.close();
        assertTrue(h1.closed(), "v1 closes when its last request ends");
        assertFalse(h2.closed());
    }

    @Test
    void closingALeaseTwiceReleasesOnce() {
        ModelSlot slot = new ModelSlot();
        LinearHead h1 = LinearHead.diagonal(List.of("a", "b"), 2, 1);
        slot.swap(loaded(1, h1));
        ModelLease a = slot.lease();
        ModelLease b = slot.lease();
        a.close();
        a.close();
        slot.clear();
        assertFalse(h1.closed(), "b still holds v1");
        b.close();
        assertTrue(h1.closed());
    }

    @Test
    void concurrentLeasesNeverSeeAClosedHeadWhileVersionsSwap() throws Exception {
        ModelSlot slot = new ModelSlot();
        List<LinearHead> heads = new ArrayList<>();
        LinearHead first = LinearHead.diagonal(List.of("a", "b"), 2, 1);
        heads.add(first);
        slot.swap(loaded(1, first));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger predictions = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread c = new Thread(() -> {
                long last = 0;
                while (!stop.get()) {
                    try (ModelLease lease = slot.lease()) {
                        long v = lease.model().info().version();
                        if (v < last) {
                            failures.add(new AssertionError("version went back from " + last + " to " + v));
                        }
                        last = v;
                        lease.model().head().predict(new float[][] {{0.5f, 0.5f}}, 2);
                        predictions.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            clients.add(c);
            c.start();
        }
        for (long v = 2; v <= 500; v++) {
            LinearHead h = LinearHead.diagonal(List.of("a", "b"), 2, v);
            heads.add(h);
            slot.swap(loaded(v, h));
        }
        stop.set(true);
        for (Thread c : clients) {
            c.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertTrue(predictions.get() > 0);
        LinearHead last = heads.get(heads.size() - 1);
        for (LinearHead h : heads) {
            assertEquals(h != last, h.closed(), "every swapped-out head is closed, the serving one is not");
        }
        assertSame(last, slot.peek().head());
    }
}
