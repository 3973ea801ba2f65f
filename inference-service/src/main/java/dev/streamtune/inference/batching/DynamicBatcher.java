package dev.streamtune.inference.batching;

import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.Scored;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Coalesces concurrent inputs for one backbone into batched backbone calls, then runs each model's head once per
 * batch. A collector thread waits for a free worker, takes the first waiting input and gathers more until
 * {@link BatchSettings#maxBatch()} or {@link BatchSettings#maxDelayMillis()} after that input arrived; so while
 * the workers are busy, inputs pile up and the next batch is bigger. Workers run the backbone (thread-safe, one
 * predictor per concurrent call) and complete every input's future. An input the backbone rejects fails alone.
 */
public final class DynamicBatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DynamicBatcher.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private record Item(Object input, LoadedModel model, int k, CompletableFuture<List<Scored>> result, long enqueuedNanos) {}

    private final Backbone<Object> backbone;
    private final BatchSettings settings;
    private final IntConsumer batchSizes;
    private final BlockingQueue<Item> queue;
    private final Semaphore freeWorkers;
    private final ExecutorService workers;
    private final Thread collector;
    private volatile boolean running = true;

    /**
     * Starts the collector and workers for {@code backbone} (shared, not owned: closing the batcher leaves it open).
     *
     * @param batchSizes told the size of every batch sent to the backbone
     */
    @SuppressWarnings("unchecked")
    public DynamicBatcher(Backbone<?> backbone, BatchSettings settings, IntConsumer batchSizes) {
        this.backbone = (Backbone<Object>) backbone;
        this.settings = settings;
        this.batchSizes = batchSizes;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.freeWorkers = new Semaphore(settings.workers());
        String name = "batch-" + backbone.info().id() + "-" + INSTANCES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, name + "-worker-" + n.incrementAndGet()));
        this.collector = daemon(this::collect, name + "-collector");
        this.collector.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** What the backbone reads. */
    public Modality modality() {
        return backbone.info().modality();
    }

    /**
     * Queues one input for {@code model} (leased by the caller until the future completes).
     *
     * @return the {@code k} best labels; fails with {@link InputRejectedException} when the backbone rejects the
     *     input, {@link OverloadedException} when the queue is full
     */
    public CompletableFuture<List<Scored>> submit(Object input, LoadedModel model, int k) {
        CompletableFuture<List<Scored>> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException("batcher of " + backbone.info().id() + " is closed"));
        } else if (!queue.offer(new Item(input, model, k, result, System.nanoTime()))) {
            result.completeExceptionally(new OverloadedException(settings.queueCapacity()
                    + " inputs are already waiting for backbone " + backbone.info().id()));
        }
        return result;
    }

    private void collect() {
        try {
            while (running) {
                freeWorkers.acquire();
                List<Item> batch = gather();
                if (batch.isEmpty()) {
                    freeWorkers.release();
                    continue;
                }
                try {
                    workers.execute(() -> {
                        try {
                            process(batch);
                        } finally {
                            freeWorkers.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    batch.forEach(i -> i.result().completeExceptionally(new IllegalStateException("service is shutting down")));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Item> gather() throws InterruptedException {
        Item first = queue.poll(200, TimeUnit.MILLISECONDS);
        List<Item> batch = new ArrayList<>(settings.maxBatch());
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = first.enqueuedNanos() + TimeUnit.MILLISECONDS.toNanos(settings.maxDelayMillis());
        queue.drainTo(batch, settings.maxBatch() - batch.size());
        while (batch.size() < settings.maxBatch()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Item next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, settings.maxBatch() - batch.size());
        }
        return batch;
    }

    private void process(List<Item> batch) {
        batchSizes.accept(batch.size());
        float[][] features = new float[batch.size()][];
        try {
            float[][] all = backbone.embed(batch.stream().map(Item::input).toList());
            System.arraycopy(all, 0, features, 0, all.length);
        } catch (IllegalArgumentException e) {
            embedOneByOne(batch, features);
        } catch (RuntimeException e) {
            LOG.errorf(e, "backbone %s failed on a batch of %d", backbone.info().id(), batch.size());
            batch.forEach(item -> item.result().completeExceptionally(e));
            return;
        }
        Map<LoadedModel, List<Integer>> byModel = new IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (features[i] != null) {
                byModel.computeIfAbsent(batch.get(i).model(), m -> new ArrayList<>()).add(i);
            }
        }
        byModel.forEach((model, rows) -> predict(model, rows, batch, features));
    }

    /** One bad input must not fail the others: embed each alone and fail only those the backbone rejects. */
    private void embedOneByOne(List<Item> batch, float[][] features) {
        for (int i = 0; i < batch.size(); i++) {
            Item item = batch.get(i);
            try {
                features[i] = backbone.embed(List.of(item.input()))[0];
            } catch (IllegalArgumentException e) {
                item.result().completeExceptionally(new InputRejectedException(e.getMessage(), e));
            } catch (RuntimeException e) {
                item.result().completeExceptionally(e);
            }
        }
    }

    private static void predict(LoadedModel model, List<Integer> rows, List<Item> batch, float[][] features) {
        float[][] x = new float[rows.size()][];
        int k = 1;
        for (int j = 0; j < rows.size(); j++) {
            x[j] = features[rows.get(j)];
            k = Math.max(k, batch.get(rows.get(j)).k());
        }
        try {
            List<List<Scored>> out = model.head().predict(x, k);
            for (int j = 0; j < rows.size(); j++) {
                Item item = batch.get(rows.get(j));
                List<Scored> top = out.get(j);
                item.result().complete(List.copyOf(top.subList(0, Math.min(item.k(), top.size()))));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "head of %s failed on %d inputs", model.info().key(), rows.size());
            rows.forEach(r -> batch.get(r).result().completeExceptionally(e));
        }
    }

    /** Stops taking inputs, fails those still queued, and waits briefly for running batches. */
    @Override
    public void close() {
        running = false;
        collector.interrupt();
        workers.shutdown();
        try {
            collector.join(2000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Item> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(i -> i.result().completeExceptionally(new IllegalStateException("service is shutting down")));
    }
}
