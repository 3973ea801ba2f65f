package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Topics;
import dev.streamtune.kafka.local.ForkedKafkaBroker;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KraftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code ./streamtune bench ingest}: throughput of the ingest service's NDJSON endpoint against a raw Kafka
 * producer sending the same records to the same broker (ratio = REST / raw), and the single-sample endpoint's
 * latency at a fixed request rate. Starts its own broker (a forked KRaft process) and the ingest-service jar as a
 * child process; data are real WordNet glosses labeled with their lexicographer file.
 */
public final class IngestBench implements Benchmark {

    static final double FLOOR_RATIO = 0.5;
    static final double FLOOR_P99_MS = 20.0;
    /** Warm-up ends once the JIT compiler threads use less than this share of all the CPU of a round pair. */
    static final double JIT_SETTLED = 0.03;

    @Override
    public String description() {
        return "ingest NDJSON throughput vs a raw kafka-clients producer (same records, same broker),"
                + " and single-sample latency at a fixed rate";
    }

    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("records", "400000");
        d.put("chunk", "50000");
        d.put("concurrency", "4");
        d.put("rounds", "5");
        d.put("warmup-seconds", "30");
        d.put("warmup-max-seconds", "120");
        d.put("rate", "200");
        d.put("latency-seconds", "30");
        d.put("latency-warmup-seconds", "15");
        d.put("wordnet", WordnetGlosses.DEFAULT_NOUNS.toString());
        d.put("ingest-jar", "ingest-service/target/quarkus-app/quarkus-run.jar");
        d.put("ingest-heap", "1g");
        d.put("ingest-jvm", "");
        d.put("kafka-port", "9092");
        d.put("controller-port", "9093");
        d.put("http-port", "8081");
        d.put("raw-topic", Topics.DEFAULT_PREFIX + "bench-raw-samples");
        d.put("raw-producer", "");
        return d;
    }

    @Override
    public void run(BenchReport report, String[] rawArgs) throws Exception {
        BenchArgs args = BenchArgs.parse(rawArgs, defaults());
        int records = args.integer("records", 1);
        int chunk = args.integer("chunk", 1);
        int concurrency = args.integer("concurrency", 1);
        Map<String, String> rawSettings = ProducerSettings.parse(args.text("raw-producer"));
        Path jar = Path.of(args.text("ingest-jar"));
        ServiceProcess.requireJar("ingest-service", jar);
        List<LabeledText> corpus = WordnetGlosses.read(Path.of(args.text("wordnet")));
        IngestPorts ports = IngestPorts.claim(
                args.integer("kafka-port", 0), args.integer("controller-port", 0), args.integer("http-port", 0));
        args.asMap().forEach((k, v) -> report.environment("arg." + k, v));
        report.environment("corpus", args.text("wordnet") + " (" + corpus.size() + " synsets)");
        report.environment("topics", "REST path -> " + Topics.defaults().samples() + ", raw path -> "
                + args.text("raw-topic") + " (same broker, 3 partitions each, key = model name)");

        ObjectMapper json = new ObjectMapper();
        String model = "bench-ingest-" + Long.toString(System.currentTimeMillis(), 36);
        IngestWorkload workload = new IngestWorkload(corpus, model, "wn", records, json);
        double rate = args.positive("rate");
        int latencyWarmup = args.integer("latency-warmup-seconds", 0);
        int latencySeconds = args.integer("latency-seconds", 1);
        IngestWorkload singles = new IngestWorkload(corpus, model, "single",
                SingleSampleLatency.requestsNeeded(rate, latencyWarmup, latencySeconds), json);
        System.out.printf("%,d records, %.1f MB of NDJSON, %.0f bytes per line on average%n",
                records, workload.payloadBytes() / 1e6, (double) workload.payloadBytes() / records);

        MachineLoad.record(report, "loadavg_start");
        Path dataDir = Files.createTempDirectory("streamtune-bench-kafka-");
        String adminKey = "bench-admin-" + UUID.randomUUID();
        String producerKey = "bench-producer-" + UUID.randomUUID();
        try (KafkaBroker broker = ForkedKafkaBroker.start(new KraftConfig(
                        dataDir, ports.kafka(), ports.controller(), KraftConfig.DEFAULT_MAX_MESSAGE_BYTES));
                ServiceProcess ingest = startIngest(jar, jvmOptions(args), ports, broker.bootstrapServers(),
                        adminKey, producerKey)) {
            System.out.println("broker " + broker.bootstrapServers() + ", ingest-service pid " + ingest.pid());
            IngestHttpClient client =
                    new IngestHttpClient(ports.httpBase(), adminKey, producerKey, json);
            client.registerTextModel(model);
            try (RawProducerLoad raw =
                    new RawProducerLoad(broker.bootstrapServers(), args.text("raw-topic"), concurrency, rawSettings);
                    RestNdjsonLoad rest = new RestNdjsonLoad(client, model, concurrency)) {
                report.environment("raw_producer", new TreeMap<>(raw.settings()));
                warmUp(report, rest, raw, workload, chunk, args.integer("warmup-seconds", 0),
                        args.integer("warmup-max-seconds", 0));
                compareThroughput(report, rest, raw, workload, chunk, args.integer("rounds", 1));
            }
            new SingleSampleLatency(client, singles, rate).measure(report, latencyWarmup, latencySeconds);
            MachineLoad.record(report, "loadavg_end");
        } finally {
            deleteTree(dataDir);
        }
    }

    /**
     * Alternating unmeasured rounds of both paths for at least {@code minSeconds}, then until the JIT compilers of
     * the service, the broker and this JVM (the raw producer's code) have settled: their compiler threads used less than
     * {@link #JIT_SETTLED} of all the CPU of a round pair (at most {@code maxSeconds}). On 2 cores C2 was still
     * compiling the HTTP, Kafka and ingest code after 30 s (a fifth to a third of the service's CPU), which would be
     * measured otherwise. They send the same records as the measured rounds (ids repeat across requests, as they do
     * between the measured rounds; the service checks ids within a request).
     */
    private static void warmUp(BenchReport report, RestNdjsonLoad rest, RawProducerLoad raw, IngestWorkload workload,
                               int chunk, int minSeconds, int maxSeconds) throws Exception {
        long start = System.nanoTime();
        double jitShare = 1;
        int round = 0;
        double elapsed = 0;
        while (elapsed < minSeconds || (jitShare >= JIT_SETTLED && elapsed < maxSeconds)) {
            round++;
            CpuSnapshot before = CpuSnapshot.take();
            System.gc();
            Throughput viaRest = rest.run("rest-ndjson", workload, chunk);
            Throughput viaKafka = raw.run("raw-producer", workload, chunk);
            CpuSnapshot.Usage used = CpuSnapshot.take().since(before, 1, 1);
            jitShare = used.jit() / Math.max(1e-9, used.total());
            elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("warm-up %d: REST %,.0f records/s, raw %,.0f records/s, JIT compilers %.1f%% of the CPU%n",
                    round, viaRest.recordsPerSecond(), viaKafka.recordsPerSecond(), 100 * jitShare);
        }
        System.out.printf("warm-up: %d round pairs in %.0f s; JIT compilers %.1f%% of the CPU in the last (%s)%n", round,
                elapsed, 100 * jitShare, jitShare < JIT_SETTLED ? "settled" : "still busy at the time limit");
        report.environment("warmup_seconds", Math.round(elapsed));
        report.environment("warmup_last_jit_share", jitShare);
    }

    /**
     * Runs {@code rounds} rounds of REST and raw, alternating which goes first so neither always meets the warmer
     * broker, and records the median round of each.
     */
    private static void compareThroughput(BenchReport report, RestNdjsonLoad rest, RawProducerLoad raw,
                                          IngestWorkload workload, int chunk, int rounds) throws Exception {
        List<Throughput> viaRest = new ArrayList<>();
        List<Throughput> viaKafka = new ArrayList<>();
        Map<Throughput, Double> cpuMicrosPerRecord = new IdentityHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int k = 0; k < 2; k++) {
                boolean restTurn = (k + round) % 2 == 1;
                System.gc(); // this JVM's collector should not run inside a round
                CpuSnapshot before = CpuSnapshot.take();
                Throughput t = restTurn
                        ? rest.run("rest-ndjson", workload, chunk)
                        : raw.run("raw-producer", workload, chunk);
                CpuSnapshot.Usage used = CpuSnapshot.take().since(before, t.records(), 1e6);
                double cpuMicros = used.total();
                cpuMicrosPerRecord.put(t, cpuMicros);
                (restTurn ? viaRest : viaKafka).add(t);
                System.out.printf("round %d: %s, %.1f CPU us per record (%s)%n", round, t, cpuMicros,
                        used.describe("%.1f"));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("round", round);
                row.putAll(t.row());
                row.put("cpu_us/record", cpuMicros);
                report.row(row);
            }
        }
        Throughput restMedian = median(viaRest);
        Throughput rawMedian = median(viaKafka);
        recordThroughput(report, restMedian, rawMedian);
        double restCpu = cpuMicrosPerRecord.get(restMedian);
        double rawCpu = cpuMicrosPerRecord.get(rawMedian);
        System.out.printf("CPU per record (bench + broker + service processes) in the median rounds: REST %.1f us, raw %.1f us;"
                + " raw/REST = %.3f%n", restCpu, rawCpu, rawCpu / restCpu);
        report.result("rest_cpu_us_per_record", restCpu).result("raw_cpu_us_per_record", rawCpu)
                .result("cpu_ratio", rawCpu / restCpu);
    }

    /**
     * The service's JVM options: its heap and the collector it is deployed with ({@code ./streamtune},
     * Dockerfile.jvm), plus any given with {@code --ingest-jvm} (e.g. to record a JFR profile; a later collector
     * option wins).
     */
    private static List<String> jvmOptions(BenchArgs args) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + args.text("ingest-heap"), "-XX:+UseParallelGC",
                "-Dai.djl.offline=true"));
        for (String extra : args.text("ingest-jvm").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                options.add(extra);
            }
        }
        return options;
    }

    private static ServiceProcess startIngest(Path jar, List<String> jvm, IngestPorts ports, String bootstrap,
                                              String adminKey, String producerKey) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.http()));
        env.put("INGEST_SECURITY_MODE", "keys");
        env.put("INGEST_SECURITY_ADMIN_KEY", adminKey);
        env.put("INGEST_SECURITY_PRODUCER_KEYS", producerKey);
        return ServiceProcess.start("ingest-service", jar, jvm, env,
                Path.of("target/bench/ingest-service.log"), ports.httpBase().resolve("/q/health/ready"),
                Duration.ofSeconds(120));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The run with the median rate (the lower middle one for an even count). */
    static Throughput median(List<Throughput> runs) {
        List<Throughput> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Throughput::recordsPerSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static void recordThroughput(BenchReport report, Throughput rest, Throughput raw) {
        double ratio = rest.recordsPerSecond() / raw.recordsPerSecond();
        System.out.printf("median of rounds: %s | %s%nratio REST/raw = %.3f (floor >= %.1f: %s)%n", rest, raw, ratio,
                FLOOR_RATIO, ratio >= FLOOR_RATIO ? "met" : "MISSED");
        report.result("records", rest.records())
                .result("avg_line_bytes", (double) rest.payloadBytes() / rest.records())
                .result("rest_rps", rest.recordsPerSecond())
                .result("rest_mbps", rest.megabytesPerSecond())
                .result("raw_rps", raw.recordsPerSecond())
                .result("raw_mbps", raw.megabytesPerSecond())
                .result("ratio", ratio)
                .result("ratio_floor_met", ratio >= FLOOR_RATIO);
    }
}
