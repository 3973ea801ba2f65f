package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Topics;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.SentenceEncoderLoader;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.kafka.local.ForkedKafkaBroker;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KraftConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench inference}: a forked KRaft broker and the inference-service jar as child processes, a real version
 * (MiniLM + head trained on WordNet glosses) published, then N concurrent clients sending single-text predict
 * requests: requests/s, p50, p99, and the mean dynamic batch size (from the service's metrics). In the same run,
 * with the service idle, the bare ONNX Runtime embedding throughput at that batch size: a plain {@code OrtSession}
 * fed consecutive batches of that many texts, each padded to its longest (floor: ratio >= 0.8). The service groups
 * each dynamic batch by length ({@code LengthBatchPlanner}); the bare baseline does not, which is the point.
 * Then the same load with one version swap per second (0 errors, p99 <= 1.5 x steady), and the service's RSS
 * during swaps against steady. CPU time per request and per bare embedding is reported too: on a shared machine
 * it compares the work done where wall-clock rates depend on what else runs.
 */
public final class InferenceBench implements Benchmark {

    private static final String MODEL = "bench-inference";

    @Override
    public String description() {
        return "inference-service: concurrent single-text predictions (MiniLM + head) vs bare ONNX Runtime embeddings; swaps under load";
    }

    @Override
    public void run(BenchReport report, String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv, Map.of("clients", "64", "seconds", "20", "warmup", "40", "max-batch", "32",
                "workers", "2", "intra-op-threads", "1", "heap", "2g",
                "inference-jar", "inference-service/target/quarkus-app/quarkus-run.jar"));
        int clients = args.integer("clients", 1);
        Duration measure = Duration.ofSeconds(args.integer("seconds", 2));
        int workers = args.integer("workers", 1);
        Path jar = Path.of(args.text("inference-jar"));
        ServiceProcess.requireJar("inference-service", jar);
        args.asMap().forEach((k, v) -> report.environment("arg." + k, v));
        MachineLoad.record(report, "loadavg_start");

        List<WordNetGloss> nouns = WordNetReader.system().read("noun");
        List<String> texts = nouns.subList(nouns.size() / 2, nouns.size() / 2 + 2000).stream().map(WordNetGloss::gloss).toList();
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = texts.stream().map(t -> json.createObjectNode().put("text", t).toString()).toList();
        String signingKey = "bench-" + UUID.randomUUID();
        int port = KraftConfig.freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        TextEncoderOptions encoder = TextEncoderOptions.defaults().withBatchSize(args.integer("max-batch", 1))
                .withPredictors(workers).withIntraOpThreads(args.integer("intra-op-threads", 1));
        try (KafkaBroker broker = ForkedKafkaBroker.startTemporary();
                ServiceProcess service = ServiceProcess.start("inference-service", jar,
                        List.of("-Xmx" + args.text("heap"), "-Dai.djl.offline=true"), Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                                "QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", Integer.toString(port),
                                "INFERENCE_SIGNING_KEY", signingKey,
                                "INFERENCE_BATCHING_MAX_BATCH", args.text("max-batch"),
                                "INFERENCE_BATCHING_WORKERS", args.text("workers"),
                                "INFERENCE_TEXT_INTRA_OP_THREADS", args.text("intra-op-threads")),
                        Path.of("target/bench/inference-service.log"), base.resolve("/q/health/ready"), Duration.ofMinutes(5));
                MiniLmBackbone minilm = MiniLmBackbone.open(encoder);
                HuggingFaceTokenizer tokenizer = SentenceEncoderLoader.newTokenizer(
                        new SentenceEncoderLoader(encoder).builtInFolder().resolve("tokenizer.json"), encoder.maxLength());
                BareOrtSentenceEncoder bareOrt = new BareOrtSentenceEncoder(new SentenceEncoderLoader(encoder)
                        .builtInFolder().resolve("all-minilm-l6-v2.onnx"), tokenizer, encoder.intraOpThreads());
                VersionMaker maker = new VersionMaker(broker.bootstrapServers(), Topics.defaults(), signingKey, minilm,
                        nouns.subList(0, 1500))) {
            List<VersionMaker.Record> versions = maker.versions(MODEL, 1, measure.toSeconds() + 3);
            maker.registerSpec(MODEL);
            maker.publish(versions.get(0));
            ServingProbe probe = new ServingProbe(base, MODEL);
            probe.awaitServing(1, Duration.ofMinutes(2));
            URI url = base.resolve("/v1/models/" + MODEL + "/predict");
            // long enough for the JIT to compile the hot paths: a serving replica runs for days
            System.out.println("warming up for " + args.text("warmup") + " s with " + clients + " clients");
            ClosedLoopLoad.run(url, bodies, clients, Duration.ofSeconds(args.integer("warmup", 0)));

            LoadPhase steady = LoadPhase.run(service.pid(), probe, url, bodies, clients, measure, List.of());
            report.row(steady.row("steady"));

            int batch = Math.max(1, (int) Math.round(steady.meanBatch()));
            System.out.println("bare ONNX Runtime embeddings at batch " + batch + " (service idle)");
            EmbedBaseline.Result bare1 = EmbedBaseline.measure(bareOrt::embed, texts, batch, 1, measure.dividedBy(2));
            EmbedBaseline.Result bareW = EmbedBaseline.measure(bareOrt::embed, texts, batch, workers, measure.dividedBy(2));
            EmbedBaseline.Result bare = bare1.perSecond() >= bareW.perSecond() ? bare1 : bareW;
            report.row(bareRow("bare ORT, 1 caller, batch " + batch, bare1));
            report.row(bareRow("bare ORT, " + workers + " callers, batch " + batch, bareW));

            List<Runnable> swaps = versions.subList(1, versions.size()).stream().<Runnable>map(r -> () -> publish(maker, r)).toList();
            LoadPhase swapping = LoadPhase.run(service.pid(), probe, url, bodies, clients, measure, swaps);
            report.row(swapping.row("one swap per second"));
            MachineLoad.record(report, "loadavg_end");

            double ratio = steady.load().perSecond() / bare.perSecond();
            double p99Ratio = swapping.load().percentileMs(0.99) / steady.load().percentileMs(0.99);
            report.result("requests_per_s", steady.load().perSecond())
                    .result("p50_ms", steady.load().percentileMs(0.50)).result("p99_ms", steady.load().percentileMs(0.99))
                    .result("mean_batch", steady.meanBatch()).result("bare_embeddings_per_s", bare.perSecond())
                    .result("ratio", ratio).result("ratio_floor_met", ratio >= 0.8)
                    .result("service_cpu_ms_per_request", steady.serviceCpuMs())
                    .result("bare_cpu_ms_per_embedding", bare.cpuMsPerText())
                    .result("cpu_ratio", bare.cpuMsPerText() / steady.serviceCpuMs())
                    .result("swaps", probe.servingVersion() - 1).result("swap_errors", swapping.load().errors())
                    .result("swap_p99_ms", swapping.load().percentileMs(0.99)).result("swap_p99_over_steady", p99Ratio)
                    .result("swap_ok", swapping.load().errors() == 0 && p99Ratio <= 1.5)
                    .result("rss_steady_mib", steady.maxRssMib()).result("rss_peak_swaps_mib", swapping.maxRssMib())
                    .result("hwm_mib", ProcessCpu.peakRssMib(service.pid()));
            for (LoadPhase p : List.of(steady, swapping)) {
                if (p.load().firstError() != null) {
                    System.out.println("first error: " + p.load().firstError());
                }
            }
        }
    }

    private static void publish(VersionMaker maker, VersionMaker.Record r) {
        try {
            maker.publish(r);
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + r.key() + " failed", e);
        }
    }

    private static Map<String, Object> bareRow(String name, EmbedBaseline.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("phase", name);
        row.put("per_s", r.perSecond());
        row.put("cpu_ms_each", r.cpuMsPerText());
        return row;
    }
}
