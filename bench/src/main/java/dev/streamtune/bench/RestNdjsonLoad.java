package dev.streamtune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes a workload through the ingest service's NDJSON endpoint: one request per chunk, {@code concurrency}
 * threads each with its own keep-alive connection ({@link KeepAliveHttp}: the body goes out as prepared bytes with
 * a Content-Length, so the client spends little of the shared CPU). A record counts once the service answered 202
 * for its request, i.e. after Kafka acknowledged it.
 */
final class RestNdjsonLoad implements AutoCloseable {

    /** Size of the blocks a request body is sent in. */
    private static final int BLOCK_BYTES = 64 * 1024;

    private final IngestHttpClient client;
    private final ExecutorService workers;
    private final List<KeepAliveHttp> connections = new ArrayList<>();
    /** Request bodies of the last workload run, built once: rebuilding them per run made garbage in this JVM. */
    private IngestWorkload bodiesOf;
    private List<List<byte[]>> bodies;

    RestNdjsonLoad(IngestHttpClient client, String model, int concurrency) {
        this.client = client;
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "rest-ndjson");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < concurrency; i++) {
            connections.add(client.samplesConnection(model));
        }
    }

    Throughput run(String path, IngestWorkload workload, int chunkSize) throws InterruptedException, ExecutionException {
        List<IngestWorkload.Chunk> chunks = workload.chunks(chunkSize);
        List<List<byte[]>> bodies = bodies(workload, chunks);
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (KeepAliveHttp connection : connections) {
            results.add(workers.submit(() -> {
                long accepted = 0;
                for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                    int n = client.postNdjson(connection, bodies.get(i));
                    if (n != chunks.get(i).size()) {
                        throw new IllegalStateException("request " + i + " sent " + chunks.get(i).size()
                                + " records but the service accepted " + n);
                    }
                    accepted += n;
                }
                return accepted;
            }));
        }
        long accepted = 0;
        for (Future<Long> r : results) {
            accepted += r.get();
        }
        long nanos = System.nanoTime() - start;
        return new Throughput(path, accepted, workload.payloadBytes(), nanos);
    }

    private List<List<byte[]>> bodies(IngestWorkload workload, List<IngestWorkload.Chunk> chunks) {
        if (workload != bodiesOf || bodies.size() != chunks.size()) {
            bodies = new ArrayList<>();
            for (IngestWorkload.Chunk c : chunks) {
                bodies.add(workload.ndjsonBlocks(c, BLOCK_BYTES));
            }
            bodiesOf = workload;
        }
        return bodies;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        connections.forEach(KeepAliveHttp::close);
    }
}
