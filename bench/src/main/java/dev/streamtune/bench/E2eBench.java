package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.bench.LocalStack.Service;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Topics;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.kafka.common.TopicFollower;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaBrokers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code bench e2e}: freshness of the whole stack. The three services run as processes from their jars on a
 * forked KRaft broker; a text model publishes at most every {@code --publish-seconds} (1 s). After a warm-up,
 * single samples are sent at {@code --rate} per second while a client predicts every {@code --probe-ms}; for
 * each sample, freshness is the time from its {@code 202} to the first prediction answered by a version whose
 * lineage includes its samples-topic offset. Baselines from the same run: the publish interval and the trainer's
 * own publish latency (candidate ready to committed).
 */
public final class E2eBench implements Benchmark {

    private static final int WARMUP_BATCH = 50;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String description() {
        return "freshness: sample 202 at ingest -> first prediction served by a version trained on it (services as processes)";
    }

    @Override
    public void run(BenchReport report, String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv, Map.of("seconds", "30", "rate", "10", "publish-seconds", "1",
                "max-forgetting", "0.05", "probe-ms", "100", "warmup-per-class", "40", "root", ".",
                "trainer-poll-ms", "200", "settle-seconds", "30", "trainer-threads", "1"));
        double publishSeconds = args.positive("publish-seconds");
        double rate = args.positive("rate");
        int probeMs = args.integer("probe-ms", 1);
        String model = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        DemoGlosses glosses = DemoGlosses.open(Path.of("/usr/share/wordnet"));
        int warmupPerClass = args.integer("warmup-per-class", 1);
        int measured = (int) Math.ceil(args.integer("seconds", 1) * rate);
        int measuredPerClass = (measured + DemoGlosses.CLASSES.size() - 1) / DemoGlosses.CLASSES.size();
        List<StackClient.Sample> warmup = glosses.samples(0, warmupPerClass, 5);
        List<StackClient.Sample> stream = glosses.samples(warmupPerClass, measuredPerClass, 5).subList(0, measured);
        System.out.printf("data: %s; %d warm-up samples, then %d samples at %.1f/s; publish every %.2f s%n",
                glosses.source(), warmup.size(), stream.size(), rate, publishSeconds);

        Topics topics = Topics.defaults();
        Map<String, Freshness.Position> positions = new ConcurrentHashMap<>();
        Map<Long, VersionInfo> versions = new ConcurrentHashMap<>();
        Map<String, Long> sampleReadAt = new ConcurrentHashMap<>();
        Map<Long, Long> versionReadAt = new ConcurrentHashMap<>();
        try (KafkaBroker broker = KafkaBrokers.start("forked");
                LocalStack stack = LocalStack.start(broker.bootstrapServers(), Path.of(args.text("root")),
                        Path.of("target/bench/e2e-logs"), Map.of(Service.TRAINER,
                                Map.of("trainer.consume.max-wait-ms", args.text("trainer-poll-ms"),
                                        "ai.djl.pytorch.num_threads", args.text("trainer-threads"))));
                TopicFollower sampleFeed = new TopicFollower(broker.bootstrapServers(), topics.samples(), "bench-samples",
                        r -> onSample(model, r.value(), r.partition(), r.offset(), positions, sampleReadAt));
                TopicFollower versionFeed = new TopicFollower(broker.bootstrapServers(), topics.modelVersions(), "bench-versions",
                        r -> onVersion(model, r.value(), versions, versionReadAt))) {
            StackClient client = stack.client();
            register(client, model, publishSeconds, Double.parseDouble(args.text("max-forgetting")));
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup.size(); i += WARMUP_BATCH) {
                client.send(model, warmup.subList(i, Math.min(warmup.size(), i + WARMUP_BATCH)));
            }
            awaitServedAtLeast(client, model, 1, Duration.ofMinutes(3));
            System.out.printf("warm-up: first version served %.1f s after the first warm-up sample%n", (System.nanoTime() - warmStart) / 1e9);

            List<Freshness.Probe> probes = new CopyOnWriteArrayList<>();
            List<Freshness.Sent> sent = new ArrayList<>();
            try (PredictionProbe probe = new PredictionProbe(client, model, DemoMain.PROBE_TEXT, probeMs, probes)) {
                long start = System.nanoTime();
                for (int i = 0; i < stream.size(); i++) {
                    long due = start + (long) (i / rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String id = client.send(model, List.of(stream.get(i))).get(0);
                    sent.add(new Freshness.Sent(id, System.nanoTime(), System.currentTimeMillis()));
                }
                awaitAllServed(sent, positions, versions, probes, Duration.ofSeconds(args.integer("settle-seconds", 1)));
            }
            Freshness.Outcome outcome = Freshness.compute(sent, positions, List.copyOf(versions.values()), probes);
            double publishP50 = client.trainerMetric("streamtune_trainer_publish_latency_seconds", "quantile=\"0.5\"") * 1000;
            long rejected = client.training(model).map(t -> t.path("rejectedCandidates").asLong()).orElse(-1L);
            report(report, outcome, sent.size(), publishSeconds, publishP50, rejected, versions.size(), probes.size());
            stages(report, outcome, sent, sampleReadAt, versions, versionReadAt);
            trainerBreakdown(report, client);
        }
    }

    private void register(StackClient client, String model, double publishSeconds, double maxForgetting) throws IOException, InterruptedException {
        ObjectNode spec = json.createObjectNode().put("name", model).put("task", "text-classification");
        DemoGlosses.CLASSES.forEach(spec.putArray("labels")::add);
        // the 1 s interval, not a sample count, must decide when a candidate is due
        spec.putObject("publish").put("everySamples", 1_000_000).put("everySeconds", publishSeconds).put("maxForgetting", maxForgetting);
        client.register(spec);
    }

    private void onSample(String model, byte[] value, int partition, long offset, Map<String, Freshness.Position> positions,
            Map<String, Long> readAt) {
        try {
            SampleRecord s = json.readValue(value, SampleRecord.class);
            if (model.equals(s.model())) {
                positions.put(s.id(), new Freshness.Position(partition, offset));
                readAt.putIfAbsent(s.id(), System.currentTimeMillis());
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable sample record at " + partition + "@" + offset, e);
        }
    }

    private void onVersion(String model, byte[] value, Map<Long, VersionInfo> versions, Map<Long, Long> readAt) {
        try {
            VersionInfo v = json.readValue(VersionEnvelope.decode(value).infoJson(), VersionInfo.class);
            if (model.equals(v.model())) {
                versions.put(v.version(), v);
                readAt.putIfAbsent(v.version(), System.currentTimeMillis());
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable version record", e);
        }
    }

    private static void awaitServedAtLeast(StackClient client, String model, long version, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.predict(model, DemoMain.PROBE_TEXT).map(p -> p.modelVersion() >= version).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no version of " + model + " served within " + timeout.toSeconds() + " s");
    }

    /** Waits until every sent sample is served (or the settle time has passed). */
    private static void awaitAllServed(List<Freshness.Sent> sent, Map<String, Freshness.Position> positions,
            Map<Long, VersionInfo> versions, List<Freshness.Probe> probes, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline) {
            if (Freshness.compute(sent, positions, List.copyOf(versions.values()), probes).notServed().isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static void report(BenchReport report, Freshness.Outcome outcome, int sent, double publishSeconds, double publishP50Ms,
            long rejected, int versionCount, int probeCount) {
        if (outcome.served().isEmpty()) {
            throw new IllegalStateException("none of the " + sent + " samples was served by a version that includes it");
        }
        LatencyStats fresh = new LatencyStats(outcome.served().stream().mapToLong(Freshness.Result::toServedNanos).toArray());
        double p50 = fresh.percentileMillis(0.5);
        double p95 = fresh.percentileMillis(0.95);
        double intervalMs = publishSeconds * 1000;
        report.result("samples", sent);
        report.result("served", outcome.served().size());
        report.result("freshness_p50_ms", p50);
        report.result("freshness_p95_ms", p95);
        report.result("publish_interval_ms", intervalMs);
        report.result("ratio_p50_to_interval", p50 / intervalMs);
        report.result("trainer_publish_p50_ms", publishP50Ms);
        report.result("ratio_p50_to_publish_latency", p50 / publishP50Ms);
        report.result("floor_p50_ms", 3000);
        report.result("floor_met", p50 <= 3000);
        report.environment("versions", versionCount);
        report.environment("rejected_candidates", rejected);
        report.environment("predictions", probeCount);
        report.environment("not_served", outcome.notServed().size());
        MachineLoad.record(report, "load_avg_1m");
    }

    /**
     * Where the time goes, per sample (wall clocks of one machine, in ms): until a read_committed consumer can
     * read the sample, until the trainer creates the first version including it, until that version's record can
     * be read (transaction commit), until the first prediction by it (inference verifies, loads, swaps).
     */
    private static void stages(BenchReport report, Freshness.Outcome outcome, List<Freshness.Sent> sent, Map<String, Long> sampleReadAt,
            Map<Long, VersionInfo> versions, Map<Long, Long> versionReadAt) {
        Map<String, Freshness.Sent> byId = new LinkedHashMap<>();
        sent.forEach(s -> byId.put(s.id(), s));
        int n = outcome.served().size();
        long[][] stage = new long[5][n];
        for (int i = 0; i < n; i++) {
            Freshness.Result r = outcome.served().get(i);
            Freshness.Sent s = byId.get(r.id());
            long accepted = s.acceptedMillis();
            long created = versions.get(r.version()).createdAt();
            long versionRead = versionReadAt.get(r.version());
            long served = accepted + r.toServedNanos() / 1_000_000;
            stage[0][i] = sampleReadAt.getOrDefault(r.id(), accepted) - accepted;
            stage[1][i] = r.toPublishedMillis();
            stage[2][i] = versionRead - created;
            stage[3][i] = served - versionRead;
            stage[4][i] = r.toServedNanos() / 1_000_000;
        }
        String[] names = {"202 -> sample readable (read_committed)", "202 -> trainer creates the first version including it",
            "version created -> its record readable (commit)", "version readable -> first prediction by it",
            "202 -> first prediction by a version including it (freshness)"};
        for (int k = 0; k < names.length; k++) {
            long[] nanos = java.util.Arrays.stream(stage[k]).map(ms -> ms * 1_000_000).toArray();
            row(report, names[k], new LatencyStats(nanos));
        }
    }

    /** Where the trainer's time goes (its own timers): commit of each transaction, training per sample. */
    private static void trainerBreakdown(BenchReport report, StackClient client) throws IOException, InterruptedException {
        double commitP50 = client.trainerMetric("streamtune_trainer_commit_seconds", "quantile=\"0.5\"") * 1000;
        double trainSeconds = client.trainerMetric("streamtune_trainer_train_batch_seconds_sum", "");
        double trained = client.trainerMetric("streamtune_trainer_samples_trained_total", "");
        double batches = client.trainerMetric("streamtune_trainer_train_batch_seconds_count", "");
        report.result("trainer_commit_p50_ms", commitP50);
        report.result("trainer_train_ms_per_sample", trainSeconds * 1000 / trained);
        report.environment("trainer_samples_per_batch", trained / batches);
    }

    private static void row(BenchReport report, String what, LatencyStats s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("interval", what);
        r.put("p50 ms", s.percentileMillis(0.5));
        r.put("p95 ms", s.percentileMillis(0.95));
        r.put("max ms", s.maxMillis());
        report.row(r);
    }
}
