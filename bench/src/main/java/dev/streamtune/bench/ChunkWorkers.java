package dev.streamtune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a workload's chunks from one thread per client (a Kafka producer, an HTTP connection): each thread takes
 * the next unsent chunk until none is left, and the run's throughput counts the records the clients confirmed.
 *
 * @param <C> the client type
 */
final class ChunkWorkers<C> implements AutoCloseable {

    /** Sends one chunk with a client; returns the records confirmed (acknowledged, accepted). */
    interface ChunkSender<C> {
        long send(C client, int index, IngestWorkload.Chunk chunk) throws Exception;
    }

    private final List<C> clients;
    private final ExecutorService threads;

    ChunkWorkers(List<C> clients, String threadName) {
        this.clients = List.copyOf(clients);
        this.threads = Executors.newFixedThreadPool(clients.size(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The clients, one per thread. */
    List<C> clients() {
        return clients;
    }

    /** Sends every chunk of {@code workload} and times it from the first send to the last confirmation. */
    Throughput run(String path, IngestWorkload workload, int chunkSize, ChunkSender<C> sender) throws Exception {
        List<IngestWorkload.Chunk> chunks = workload.chunks(chunkSize);
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (C client : clients) {
            results.add(threads.submit(() -> {
                long confirmed = 0;
                for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                    confirmed += sender.send(client, i, chunks.get(i));
                }
                return confirmed;
            }));
        }
        long confirmed = 0;
        for (Future<Long> r : results) {
            confirmed += r.get();
        }
        return new Throughput(path, confirmed, workload.payloadBytes(), System.nanoTime() - start);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
