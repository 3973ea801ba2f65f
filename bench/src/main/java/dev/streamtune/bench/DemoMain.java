package dev.streamtune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo of {@code ./streamtune up}: registers a text model on MiniLM through ingest's REST API, streams real
 * WordNet noun glosses to it with a progress bar, waits until inference serves a version trained on them, and
 * prints a curl line to predict. Run again, it keeps the registered model and, when a state file says the glosses
 * were already streamed, does not send them again ({@code --stream always} does; sample ids are stable, so the
 * trainer skips the repeats).
 *
 * <p>API keys come from the environment ({@code STREAMTUNE_ADMIN_KEY}, {@code STREAMTUNE_PRODUCER_KEY}), as
 * {@code ./streamtune} writes them to {@code .streamtune/keys.env}.
 */
public final class DemoMain {

    /** A text the demo predicts at the end (not a WordNet gloss). */
    static final String PROBE_TEXT = "a small domesticated carnivorous mammal with soft fur and retractable claws";
    private static final int BATCH = 20;
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final long SEED = 42;

    private final BenchArgs args;
    private final StackClient client;
    private final String model;

    private DemoMain(BenchArgs args, StackClient client) {
        this.args = args;
        this.client = client;
        this.model = args.text("model");
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("streamtune demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        StackClient client = new StackClient(URI.create(args.text("ingest")), URI.create(args.text("trainer")),
                URI.create(args.text("inference")), requiredEnv("STREAMTUNE_ADMIN_KEY"), requiredEnv("STREAMTUNE_PRODUCER_KEY"));
        try {
            new DemoMain(args, client).run();
        } catch (IOException e) {
            System.err.println("streamtune demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The demo's options over their defaults; rejects unknown or invalid ones. */
    static BenchArgs parse(String[] argv) {
        BenchArgs args = BenchArgs.parse(argv, Map.of("ingest", "http://127.0.0.1:8081", "trainer", "http://127.0.0.1:8082",
                "inference", "http://127.0.0.1:8083", "model", "wordnet-demo", "per-class", "500", "rate", "200",
                "wordnet-dir", "/usr/share/wordnet", "state-file", ".streamtune/demo.properties", "stream", "auto"));
        if (!dev.streamtune.contracts.ModelSpec.NAME_PATTERN.matcher(args.text("model")).matches()) {
            throw new IllegalArgumentException("--model must be lowercase letters, digits and dashes, got '" + args.text("model") + "'");
        }
        if (!List.of("auto", "always", "never").contains(args.text("stream"))) {
            throw new IllegalArgumentException("--stream must be auto, always or never, got '" + args.text("stream") + "'");
        }
        args.integer("per-class", 1);
        args.positive("rate");
        return args;
    }

    private static String requiredEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            System.err.println("streamtune demo: " + name + " is not set (source .streamtune/keys.env)");
            System.exit(2);
        }
        return v;
    }

    private void run() throws IOException, InterruptedException {
        DemoGlosses glosses = DemoGlosses.open(Path.of(args.text("wordnet-dir")));
        int perClass = Math.min(args.integer("per-class", 1), glosses.smallestClass());
        // the first N of each class's fixed shuffled order: a smaller N streams a subset of a larger one
        List<StackClient.Sample> samples = glosses.samples(0, perClass, SEED);
        System.out.printf("%nDemo model '%s': MiniLM (frozen) + a trained head, %d WordNet noun classes%n", model,
                DemoGlosses.CLASSES.size());
        System.out.println("Data: " + glosses.source());
        boolean existed = ensureRegistered();
        DemoState state = new DemoState(Path.of(args.text("state-file")));
        int streamedPerClass = existed ? state.streamedPerClass(model) : 0;
        boolean streamedBefore = existed && streamedPerClass >= perClass;
        String mode = args.text("stream");
        long baseline = handledSoFar();
        int sent = 0;
        if (mode.equals("never") || (mode.equals("auto") && streamedBefore)) {
            System.out.printf("Not streaming: %s%n", mode.equals("never") ? "--stream never"
                    : "an earlier run streamed these " + samples.size() + " glosses (" + state.file() + "); ./streamtune demo sends them again");
        } else {
            stream(samples);
            sent = samples.size();
            state.streamed(model, Math.max(perClass, streamedPerClass), glosses.source());
        }
        awaitServed(baseline, sent);
        printTryIt();
    }

    /** Registers the demo model unless it exists; returns whether it existed. */
    private boolean ensureRegistered() throws IOException, InterruptedException {
        Optional<JsonNode> existing = client.model(model);
        if (existing.isPresent()) {
            System.out.printf("Model '%s' is already registered (revision %d): kept as it is%n", model,
                    existing.get().path("revision").asLong());
            return true;
        }
        ObjectNode spec = new ObjectMapper().createObjectNode().put("name", model).put("task", "text-classification")
                .put("backbone", "minilm-l6-v2").put("strategy", "feature-extraction");
        DemoGlosses.CLASSES.forEach(spec.putArray("labels")::add);
        spec.putObject("publish").put("everySamples", 500).put("everySeconds", 2.0);
        JsonNode stored = client.register(spec);
        System.out.printf("Registered '%s' through POST %s/v1/models (revision %d, labels %s)%n", model, args.text("ingest"),
                stored.path("revision").asLong(), String.join(", ", DemoGlosses.CLASSES));
        return false;
    }

    private void stream(List<StackClient.Sample> samples) throws IOException, InterruptedException {
        double rate = args.positive("rate");
        System.out.printf(Locale.ROOT, "Streaming %,d glosses to POST %s/v1/models/%s/samples at up to %.0f samples/s%n",
                samples.size(), args.text("ingest"), model, rate);
        ProgressBar bar = new ProgressBar(samples.size(), "samples", System.out, System.console() != null);
        long start = System.nanoTime();
        int sent = 0;
        bar.update(0);
        while (sent < samples.size()) {
            List<StackClient.Sample> batch = samples.subList(sent, Math.min(samples.size(), sent + BATCH));
            client.send(model, batch);
            sent += batch.size();
            bar.update(sent);
            long due = start + (long) (sent / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        bar.finish(sent);
    }

    /**
     * Shows the trainer working through what was sent (samples trained or skipped as duplicates since the demo
     * started) and waits until inference serves a version that includes everything trained; gives up when
     * nothing moves for {@link #STALL}.
     */
    private void awaitServed(long baseline, int sent) throws IOException, InterruptedException {
        System.out.println("Training (trainer-service) and serving (inference-service):");
        ProgressBar bar = sent > 0 ? new ProgressBar(sent, "trained", System.out, System.console() != null) : null;
        long lastProgress = -1;
        long lastMove = System.nanoTime();
        while (System.nanoTime() - lastMove < STALL.toNanos()) {
            JsonNode training = client.training(model).orElse(null);
            JsonNode versions = client.versions(model).orElse(null);
            long progress = training == null ? 0 : Math.min(sent, handled(training) - baseline);
            if (progress != lastProgress) {
                lastProgress = progress;
                lastMove = System.nanoTime();
                if (bar != null) {
                    bar.update(Math.max(0, progress));
                }
            }
            JsonNode served = versions == null ? null : versionNode(versions, versions.path("servingVersion").asLong());
            // nothing sent: the trainer loads the model only when samples come, inference serves what exists
            boolean caughtUp = sent == 0 || training != null && progress >= sent && training.path("consumerLag").asLong() == 0
                    && served != null && served.path("cumulativeSamples").asLong() == training.path("samplesTrained").asLong();
            if (caughtUp && served != null) {
                if (bar != null) {
                    bar.finish(sent);
                }
                System.out.printf(Locale.ROOT, "Serving version %d of '%s': trained on %,d samples, holdout accuracy %.3f%n",
                        served.path("version").asLong(), model, served.path("cumulativeSamples").asLong(),
                        served.path("metrics").path("accuracy").asDouble());
                return;
            }
            Thread.sleep(500);
        }
        System.out.printf("%nNo training progress for %d s; training goes on (GET %s/v1/models/%s/training shows it)%n",
                STALL.toSeconds(), args.text("trainer"), model);
    }

    /** Samples the trainer has handled for the model: trained, or skipped as re-sent duplicates. */
    private static long handled(JsonNode training) {
        return training.path("samplesTrained").asLong() + training.path("duplicatesSkipped").asLong();
    }

    /** What the trainer had handled before this run sent anything (0 when it does not know the model yet). */
    private long handledSoFar() throws IOException, InterruptedException {
        return client.training(model).map(DemoMain::handled).orElse(0L);
    }

    /** The entry of {@code version} in inference's versions answer, or null. */
    private static JsonNode versionNode(JsonNode versions, long version) {
        for (JsonNode v : versions.path("versions")) {
            if (v.path("version").asLong() == version) {
                return v;
            }
        }
        return null;
    }

    private void printTryIt() throws IOException, InterruptedException {
        String body = new ObjectMapper().createObjectNode().put("text", PROBE_TEXT).toString();
        System.out.println();
        System.out.println("Predict:");
        System.out.printf("  curl -s -X POST %s/v1/models/%s/predict -H 'Content-Type: application/json' -d '%s'%n",
                args.text("inference"), model, body);
        Optional<StackClient.Prediction> p = client.predict(model, PROBE_TEXT);
        p.ifPresent(pr -> System.out.printf("  -> \"%s\" (version %d)%n", pr.label(), pr.modelVersion()));
    }
}
