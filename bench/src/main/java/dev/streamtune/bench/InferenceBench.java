package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.bench.serving.CpuTime;
import dev.streamtune.bench.serving.EmbedBaseline;
import dev.streamtune.bench.serving.LoadRun;
import dev.streamtune.bench.serving.PrometheusText;
import dev.streamtune.bench.serving.RssSampler;
import dev.streamtune.bench.serving.ServiceProcess;
import dev.streamtune.bench.serving.ServingProbe;
import dev.streamtune.bench.serving.VersionMaker;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.kafka.local.ForkedKafkaBroker;
import dev.streamtune.kafka.local.KafkaBroker;
import java.nio.file.Files;
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
 * with the service idle, the bare ONNX Runtime embedding throughput at that batch size (floor: ratio >= 0.8).
 * Then the same load with one version swap per second (0 errors, p99 <= 1.5 x steady), and the service's RSS
 * during swaps against steady. CPU time per request and per bare embedding is reported too: on a shared machine
 * it compares the work done where wall-clock rates depend on what else runs.
 */
public final class InferenceBench implements Benchmark {

    private static final String MODEL = "bench-inference";
    private static final int WORKERS = 2;
    private static final int MAX_BATCH = 32;
    private static final int INTRA_OP_THREADS = 1;

    @Override
    public String description() {
        return "inference-service: concurrent single-text predictions (MiniLM + head) vs bare ONNX Runtime embeddings; swaps under load";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int clients = Integer.parseInt(opt.getOrDefault("clients", "64"));
        Duration measure = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("seconds", "20")));
        Path jar = Path.of(opt.getOrDefault("jar", "inference-service/target/quarkus-app/quarkus-run.jar"));
        String signingKey = "bench-" + UUID.randomUUID();
        List<WordNetGloss> nouns = WordNetReader.system().read("noun");
        List<String> texts = nouns.subList(nouns.size() / 2, nouns.size() / 2 + 2000).stream().map(WordNetGloss::gloss).toList();
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = texts.stream().map(t -> json.createObjectNode().put("text", t).toString()).toList();
        report.environment("clients", clients).environment("measureSeconds", measure.toSeconds())
                .environment("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim())
                .environment("service", "inference-service jar, -Xmx2g, max-batch " + MAX_BATCH + ", " + WORKERS
                        + " workers x " + INTRA_OP_THREADS + " ONNX Runtime thread");

        TextEncoderOptions encoder = TextEncoderOptions.defaults().withBatchSize(MAX_BATCH).withPredictors(WORKERS)
                .withIntraOpThreads(INTRA_OP_THREADS);
        try (KafkaBroker broker = ForkedKafkaBroker.startTemporary();
                ServiceProcess service = ServiceProcess.start(jar, "2g", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "INFERENCE_SIGNING_KEY", signingKey,
                        "INFERENCE_BATCHING_MAX_BATCH", Integer.toString(MAX_BATCH),
                        "INFERENCE_BATCHING_WORKERS", Integer.toString(WORKERS),
                        "INFERENCE_TEXT_INTRA_OP_THREADS", Integer.toString(INTRA_OP_THREADS)),
                        Path.of("target/bench/inference-service.log"));
                MiniLmBackbone minilm = MiniLmBackbone.open(encoder);
                VersionMaker maker = new VersionMaker(broker.bootstrapServers(), Topics.defaults(), signingKey, minilm,
                        nouns.subList(0, 1500))) {
            service.awaitOk("/q/health/ready", Duration.ofMinutes(5));
            List<VersionMaker.Record> versions = maker.versions(MODEL, 1, measure.toSeconds() + 3);
            maker.registerSpec(MODEL);
            maker.publish(versions.get(0));
            ServingProbe probe = new ServingProbe(service.baseUrl(), MODEL);
            probe.awaitServing(1, Duration.ofMinutes(2));
            String url = service.baseUrl() + "/v1/models/" + MODEL + "/predict";
            // long enough for the JIT to finish compiling the hot paths: a serving replica runs for days
            Duration warmUp = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("warmup", "20")));
            System.out.println("warming up for " + warmUp.toSeconds() + " s with " + clients + " clients");
            LoadRun.run(url, bodies, clients, warmUp);

            Phase steady = Phase.run(service, url, bodies, clients, measure, null);
            report.row(steady.row("steady"));

            int batch = Math.max(1, (int) Math.round(steady.meanBatch()));
            System.out.println("bare ONNX Runtime embeddings at batch " + batch + " (service idle)");
            EmbedBaseline.Result bare1 = EmbedBaseline.measure(minilm, texts, batch, 1, measure.dividedBy(2));
            EmbedBaseline.Result bareW = EmbedBaseline.measure(minilm, texts, batch, WORKERS, measure.dividedBy(2));
            EmbedBaseline.Result bare = bare1.perSecond() >= bareW.perSecond() ? bare1 : bareW;
            report.row(bareRow("bare embeddings, 1 caller, batch " + batch, bare1));
            report.row(bareRow("bare embeddings, " + WORKERS + " callers, batch " + batch, bareW));

            Phase swapping = Phase.run(service, url, bodies, clients, measure, versions.subList(1, versions.size()).stream()
                    .<Runnable>map(r -> () -> publish(maker, r)).toList());
            long swaps = probe.servingVersion() - 1;
            report.row(swapping.row("one swap per second"));

            double ratio = steady.load().perSecond() / bare.perSecond();
            double p99Ratio = swapping.load().percentileMs(0.99) / steady.load().percentileMs(0.99);
            report.result("requests_per_s", steady.load().perSecond())
                    .result("p50_ms", steady.load().percentileMs(0.50)).result("p99_ms", steady.load().percentileMs(0.99))
                    .result("mean_batch", steady.meanBatch()).result("bare_embeddings_per_s", bare.perSecond())
                    .result("ratio", ratio).result("ratio_floor_met", ratio >= 0.8)
                    .result("service_cpu_ms_per_request", steady.serviceCpuMsPerRequest())
                    .result("bare_cpu_ms_per_embedding", bare.cpuMsPerText())
                    .result("cpu_ratio", bare.cpuMsPerText() / steady.serviceCpuMsPerRequest())
                    .result("swaps", swaps).result("swap_errors", swapping.load().errors())
                    .result("swap_p99_ms", swapping.load().percentileMs(0.99)).result("swap_p99_over_steady", p99Ratio)
                    .result("swap_ok", swapping.load().errors() == 0 && p99Ratio <= 1.5)
                    .result("rss_steady_mib", steady.maxRssMib()).result("rss_peak_swaps_mib", swapping.maxRssMib())
                    .result("hwm_mib", service.hwmMib());
            for (Phase p : List.of(steady, swapping)) {
                if (p.load().firstError() != null) {
                    System.out.println("first error: " + p.load().firstError());
                }
            }
        }
    }

    /** One measured load phase: the load, the mean batch size, CPU used by the service and the clients, max RSS. */
    private record Phase(LoadRun load, double meanBatch, double serviceCpuMsPerRequest, double clientCpuMsPerRequest,
            double maxRssMib) {

        /** Runs the load; {@code everySecond} (or null) are tasks started one per second on a side thread. */
        static Phase run(ServiceProcess service, String url, List<String> bodies, int clients, Duration d,
                List<Runnable> everySecond) throws Exception {
            PrometheusText before = PrometheusText.scrape(service.baseUrl());
            double serviceCpu = CpuTime.of(service.pid());
            double selfCpu = CpuTime.self();
            Thread side = new Thread(() -> runEverySecond(everySecond), "every-second");
            LoadRun load;
            double rss;
            try (RssSampler sampler = new RssSampler(service)) {
                side.start();
                load = LoadRun.run(url, bodies, clients, d);
                side.interrupt();
                side.join();
                rss = sampler.maxMib();
            }
            double serviceMs = (CpuTime.of(service.pid()) - serviceCpu) * 1000 / load.requests();
            double clientMs = (CpuTime.self() - selfCpu) * 1000 / load.requests();
            PrometheusText after = PrometheusText.scrape(service.baseUrl());
            String sum = "streamtune_inference_batch_size_sum";
            String count = "streamtune_inference_batch_size_count";
            double meanBatch = (after.sum(sum) - before.sum(sum)) / (after.sum(count) - before.sum(count));
            return new Phase(load, meanBatch, serviceMs, clientMs, rss);
        }

        Map<String, Object> row(String name) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", name);
            row.put("requests", load.requests());
            row.put("errors", load.errors());
            row.put("per_s", load.perSecond());
            row.put("p50_ms", load.percentileMs(0.5));
            row.put("p99_ms", load.percentileMs(0.99));
            row.put("mean_batch", meanBatch);
            row.put("cpu_ms_each", serviceCpuMsPerRequest);
            row.put("client_cpu_ms_each", clientCpuMsPerRequest);
            row.put("max_rss_mib", maxRssMib);
            return row;
        }
    }

    private static void runEverySecond(List<Runnable> tasks) {
        if (tasks == null) {
            return;
        }
        try {
            for (Runnable task : tasks) {
                long next = System.nanoTime() + 1_000_000_000L;
                task.run();
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs (--clients N, --seconds S, --warmup S, --jar PATH), got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
