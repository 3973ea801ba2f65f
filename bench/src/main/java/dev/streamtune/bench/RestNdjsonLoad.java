package dev.streamtune.bench;

import java.util.ArrayList;
import java.util.List;

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
    private final ChunkWorkers<KeepAliveHttp> workers;
    /** Request bodies of the last workload run, built once: rebuilding them per run made garbage in this JVM. */
    private IngestWorkload bodiesOf;
    private List<List<byte[]>> bodies;

    RestNdjsonLoad(IngestHttpClient client, String model, int concurrency) {
        this.client = client;
        List<KeepAliveHttp> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            connections.add(client.samplesConnection(model));
        }
        this.workers = new ChunkWorkers<>(connections, "rest-ndjson");
    }

    Throughput run(String path, IngestWorkload workload, int chunkSize) throws Exception {
        List<IngestWorkload.Chunk> chunks = workload.chunks(chunkSize);
        List<List<byte[]>> requestBodies = bodies(workload, chunks);
        return workers.run(path, workload, chunkSize, (connection, i, chunk) -> {
            int n = client.postNdjson(connection, requestBodies.get(i));
            if (n != chunk.size()) {
                throw new IllegalStateException("request " + i + " sent " + chunk.size()
                        + " records but the service accepted " + n);
            }
            return n;
        });
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
        workers.close();
        workers.clients().forEach(KeepAliveHttp::close);
    }
}
