package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.learn.OptimizerConfig;
import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.learn.WarmUp;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.kafka.common.TopicCreator;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaBrokers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code bench trainer}: samples/s from Kafka in to versions out (trainer-service as a process, MiniLM feature
 * extraction, exactly-once transactions) against model-core's in-process loop (the same embedding and learner
 * calls, no Kafka) on the same samples in the same run; plus publish latency (candidate ready to committed).
 * Both paths first train a warm-up model on other samples, unmeasured (the in-process loop a scratch learner; the
 * trainer a second model through Kafka, which also warms the freshly started broker), and both report their CPU
 * per sample, split by process with each one's JIT compiler share, so a gap can be told from a busy machine. The
 * baseline runs before and after the Kafka path and their mean is compared, so a drift of the machine's speed
 * during the run does not land on one side only.
 */
public final class TrainerBench implements Benchmark {

    private static final List<String> CLASSES = List.of("noun.animal", "noun.food", "noun.plant", "noun.artifact",
            "noun.person", "noun.location");

    @Override
    public String description() {
        return "trainer-service Kafka-to-versions throughput vs model-core's in-process loop on the same samples";
    }

    @Override
    public void run(BenchReport report, String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv, Map.of("samples", "3000", "warmup-samples", "3000", "batch", "500",
                "publish-every", "500", "trainer-jar", "trainer-service/target/quarkus-app/quarkus-run.jar", "passes", "3"));
        int n = args.integer("samples", 100);
        int warmCount = args.integer("warmup-samples", 0);
        int batch = args.integer("batch", 1);
        int every = args.integer("publish-every", 1);
        int passes = args.integer("passes", 1);
        Path jar = Path.of(args.text("trainer-jar"));
        ServiceProcess.requireJar("trainer-service", jar);
        List<WordNetGloss> all = glosses(warmCount + n);
        List<WordNetGloss> warm = all.subList(0, Math.min(warmCount, all.size()));
        List<WordNetGloss> data = all.subList(warm.size(), all.size());
        System.out.printf("%d real WordNet noun glosses (after %d for warm-up), %d classes, batches of %d, %d passes%n",
                data.size(), warm.size(), CLASSES.size(), batch, passes);

        // the baseline runs before and after the Kafka path, and their mean counts: on a shared machine the speed
        // drifts over a minute, and one baseline on one side would hand the drift to the ratio
        InProcess before = inProcess(warm, data, batch, passes);
        System.out.printf("in-process (MiniLM + ContinualLearner), before: %.1f samples/s, %.2f CPU ms per sample%n",
                before.rate(), before.cpuMsPerSample());
        KafkaPath kafka;

        try (KafkaBroker broker = KafkaBrokers.start("forked")) {
            String bootstrap = broker.bootstrapServers();
            Topics topics = Topics.defaults();
            TopicCreator.ensure(bootstrap, TopicLayout.all(topics), (short) 1, 30_000);
            String run = UUID.randomUUID().toString().substring(0, 8);
            String warmModel = "bench-warm-up-" + run;
            String model = "bench-" + run;
            register(bootstrap, topics, List.of(warmModel, model), every);
            produce(bootstrap, topics, warmModel, warm);
            int port = dev.streamtune.kafka.local.KraftConfig.freePort();
            // the collector ./streamtune and the image run the trainer with
            List<String> jvm = List.of("-Xmx2g", "-XX:+UseParallelGC", "-Dai.djl.offline=true", "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + bootstrap, "-Dtrainer.instance-id=bench",
                    "-Dtrainer.consume.max-records=" + batch, "-Dtrainer.learner.passes=" + passes);
            try (ServiceProcess trainer = ServiceProcess.start("trainer-service", jar, jvm, Map.of(),
                    Path.of("target/bench/trainer-service.log"), URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                    Duration.ofMinutes(3))) {
                // the clock starts once the trainer owns its partitions: group join is start-up, not throughput
                awaitPartitions(port);
                // not timed, like the in-process warm-up pass: a first model through the whole path, so the trainer,
                // the (freshly started) broker and this JVM's version reader have run their code before the clock
                if (!warm.isEmpty()) {
                    awaitAllTrained(bootstrap, topics, warmModel, warm.size());
                }
                produce(bootstrap, topics, model, data);
                // the clock starts when the samples are committed to the topic, visible to the trainer
                CpuSnapshot cpuBefore = CpuSnapshot.take();
                long start = System.nanoTime();
                long end = awaitAllTrained(bootstrap, topics, model, data.size());
                CpuSnapshot.Usage used = CpuSnapshot.take().since(cpuBefore, data.size(), 1e3);
                String metrics = new String(java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
                kafka = new KafkaPath(data.size() * 1e9 / (end - start), used,
                        PrometheusText.value(metrics, "streamtune_trainer_publish_latency_seconds", "quantile=\"0.5\"") * 1000,
                        PrometheusText.value(metrics, "streamtune_trainer_publish_latency_seconds", "quantile=\"0.99\"") * 1000);
            }
        }
        InProcess after = inProcess(warm, data, batch, passes);
        System.out.printf("in-process, after: %.1f samples/s, %.2f CPU ms per sample%n", after.rate(), after.cpuMsPerSample());
        double inProcess = (before.rate() + after.rate()) / 2;
        double inProcessCpu = (before.cpuMsPerSample() + after.cpuMsPerSample()) / 2;
        System.out.printf("CPU per sample, Kafka path: %.2f ms (%s); in-process: %.2f ms%n", kafka.cpu().total(),
                kafka.cpu().describe("%.2f"), inProcessCpu);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", "Kafka -> trainer-service -> versions");
        row.put("samples/s", kafka.rate());
        report.row(row);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("path", "in-process model-core loop (mean of before and after)");
        base.put("samples/s", inProcess);
        report.row(base);
        report.result("trainer_cpu_ms_per_sample", kafka.cpu().total());
        report.result("inprocess_cpu_ms_per_sample", inProcessCpu);
        report.result("trainer_sps", kafka.rate());
        report.result("inprocess_sps", inProcess);
        report.result("inprocess_before_sps", before.rate());
        report.result("inprocess_after_sps", after.rate());
        report.result("ratio", kafka.rate() / inProcess);
        report.result("publish_p50_ms", kafka.publishP50Ms());
        report.result("publish_p99_ms", kafka.publishP99Ms());
        report.environment("samples", data.size());
        MachineLoad.record(report, "load_avg_1m");
    }

    /** The in-process baseline's rate and CPU. */
    private record InProcess(double rate, double cpuMsPerSample) {}

    /** What the Kafka path measured. */
    private record KafkaPath(double rate, CpuSnapshot.Usage cpu, double publishP50Ms, double publishP99Ms) {}

    /** Blocks until the trainer reports owned samples partitions at {@code GET /v1/training}. */
    private static void awaitPartitions(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/training")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"partitions\":[]")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("trainer owned no partitions within 2 minutes");
    }

    /** Wall time (nanoTime) when the last version covering all {@code n} samples became visible. */
    private static long awaitAllTrained(String bootstrap, Topics topics, String model, int n) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topics.modelVersions(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    VersionInfo v = json.readValue(VersionEnvelope.decode(r.value()).infoJson(), VersionInfo.class);
                    if (v.model().equals(model)) {
                        System.out.printf("  version %d: %d samples, holdout accuracy %.3f%n", v.version(), v.cumulativeSamples(),
                                v.metrics().accuracy());
                        if (v.cumulativeSamples() >= n) {
                            return System.nanoTime();
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("trainer did not publish a version covering all samples within 20 minutes");
    }

    /**
     * The same work without Kafka: embed each batch with MiniLM, learn it with the same learner settings; after an
     * untimed pass of the warm-up samples through a learner of their own, as the Kafka path gets.
     */
    private static InProcess inProcess(List<WordNetGloss> warm, List<WordNetGloss> data, int batch, int passes) {
        LearnerConfig config = new LearnerConfig(new HeadConfig(384, List.of(256), 0.1f), OptimizerConfig.adam(1e-3f), 64,
                ReplayConfig.of(ReplayPolicy.CLASS_BALANCED, 2000, 0.5), 0.1, 2000, 1L);
        // the trainer's encoder settings (trainer-service LearnerBeans): ONNX Runtime threads that do not spin
        TextEncoderOptions encoder = TextEncoderOptions.defaults().withIntraOpSpinning(false);
        try (MiniLmBackbone minilm = MiniLmBackbone.open(encoder); ContinualLearner learner = ContinualLearner.create(config)) {
            // not timed, like the trainer's: the backbone is loaded and the same model-core warm-up (texts, a
            // scratch learner's steps) runs before its loop starts
            WarmUp.run(minilm, config, passes);
            try (ContinualLearner scratch = ContinualLearner.create(config)) {
                learnAll(minilm, scratch, warm, batch, passes);
            }
            double cpu0 = ProcessCpu.self();
            long t0 = System.nanoTime();
            learnAll(minilm, learner, data, batch, passes);
            double rate = data.size() * 1e9 / (System.nanoTime() - t0);
            return new InProcess(rate, (ProcessCpu.self() - cpu0) * 1e3 / data.size());
        }
    }

    /** Embeds and learns {@code data} batch by batch, then evaluates the holdout once. */
    private static void learnAll(MiniLmBackbone minilm, ContinualLearner learner, List<WordNetGloss> data, int batch,
            int passes) {
        for (int from = 0; from < data.size(); from += batch) {
            List<WordNetGloss> chunk = data.subList(from, Math.min(data.size(), from + batch));
            float[][] x = minilm.embed(chunk.stream().map(WordNetGloss::gloss).toList());
            List<Example> ex = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                ex.add(Example.of(chunk.get(i).id(), x[i], chunk.get(i).lexname()));
            }
            learner.learn(ex, passes);
        }
        learner.evaluateHoldout();
    }

    /** Registers text models with the bench's publish settings (every {@code every} samples). */
    private static void register(String bootstrap, Topics topics, List<String> models, int every) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        ObjectMapper json = new ObjectMapper();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (String model : models) {
                ModelSpec spec = new ModelSpec(model, Task.TEXT_CLASSIFICATION, ModelSpec.DEFAULT_TEXT_BACKBONE,
                        Strategy.FEATURE_EXTRACTION, null, ModelSpec.ReplaySettings.defaults(),
                        new ModelSpec.PublishSettings(every, 2, 1.0), 1, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(topics.modelSpecs(), model, json.writeValueAsBytes(spec))).get();
            }
        }
    }

    private static void produce(String bootstrap, Topics topics, String model, List<WordNetGloss> data) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // in one transaction, the way ingest-service writes a JSON batch or an NDJSON body
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-samples-" + model);
        ObjectMapper json = new ObjectMapper();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (WordNetGloss g : data) {
                long now = System.currentTimeMillis();
                producer.send(new ProducerRecord<>(topics.samples(), model,
                        json.writeValueAsBytes(new SampleRecord(g.id(), model, g.gloss(), null, g.lexname(), now, now))));
            }
            producer.commitTransaction();
        }
    }

    private static List<WordNetGloss> glosses(int n) {
        List<WordNetGloss> all = new ArrayList<>(WordNetReader.system().read("noun").stream()
                .filter(g -> CLASSES.contains(g.lexname())).toList());
        Collections.shuffle(all, new Random(17));
        return all.subList(0, Math.min(n, all.size()));
    }
}
