package dev.streamtune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Pushes a workload through the ingest service's NDJSON endpoint: one streamed request per chunk, at most
 * {@code concurrency} requests in flight. A record counts once the service answered 202 for its request, i.e.
 * after Kafka acknowledged it.
 */
final class RestNdjsonLoad {

    /** Size of the blocks a streamed request body is sent in. */
    private static final int BLOCK_BYTES = 64 * 1024;

    private final IngestHttpClient client;

    RestNdjsonLoad(IngestHttpClient client) {
        this.client = client;
    }

    Throughput run(String path, IngestWorkload workload, int chunkSize, int concurrency)
            throws InterruptedException, ExecutionException {
        List<IngestWorkload.Chunk> chunks = workload.chunks(chunkSize);
        List<List<byte[]>> bodies = new ArrayList<>();
        for (IngestWorkload.Chunk c : chunks) {
            bodies.add(workload.ndjsonBlocks(c, BLOCK_BYTES));
        }
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (List<byte[]> body : bodies) {
            inFlight.acquire();
            answers.add(client.postNdjson(workload.model(), body).whenComplete((n, e) -> inFlight.release()));
        }
        long accepted = 0;
        for (int i = 0; i < answers.size(); i++) {
            int n = answers.get(i).get();
            if (n != chunks.get(i).size()) {
                throw new IllegalStateException("request " + i + " sent " + chunks.get(i).size()
                        + " records but the service accepted " + n);
            }
            accepted += n;
        }
        long nanos = System.nanoTime() - start;
        return new Throughput(path, accepted, workload.payloadBytes(), nanos);
    }
}
