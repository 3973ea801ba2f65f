package dev.streamtune.bench;

import dev.streamtune.bench.GlossStreams.TextStream;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.bert.ActivationCache;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.Projection;
import dev.streamtune.core.bert.TrainingOptions;
import dev.streamtune.core.data.WordNetReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench finetune}: fine-tuning the real MiniLM in DJL beyond the head. On a WordNet class-incremental
 * stream (5 experiences × 2 noun classes) and a domain-shift stream (nouns then verbs of the same 4 classes) it
 * compares feature extraction (frozen encoder + head), fine-tuning the top 2 layers and rank-8 LoRA on the top 2
 * layers' query/value projections, each without replay, with replay, and with replay + LwF: final average
 * accuracy, forgetting, training samples/s and the size of the exported trainable tensors. It first measures
 * the training step at batch 8 × 32 tokens with the frozen layers recomputed each step vs cached per sample.
 *
 * <p>Writes {@code docs/benchmarks/finetune.md}, {@code finetune.png} and {@code finetune.json} (folder:
 * {@code -Dstreamtune.docs.dir}). Arguments: {@code --train N --test N} glosses per class (60, 30),
 * {@code --epochs N} (2), {@code --step-steps N} timed steps per configuration and round (4, 3 rounds),
 * {@code --steps-only}.
 * PyTorch runs 1 intra-op thread unless {@code -Dai.djl.pytorch.num_threads} says otherwise.
 */
public final class FinetuneBench implements Benchmark {

    static final FineTuneStrategy FEATURES = FineTuneStrategy.featureExtraction();
    static final FineTuneStrategy TOP2 = FineTuneStrategy.fineTune(2);
    static final List<String> QUERY_VALUE = List.of(Projection.QUERY, Projection.VALUE);
    static final FineTuneStrategy LORA_TOP2 = FineTuneStrategy.lora(8, 16f, 2, QUERY_VALUE);
    static final FineTuneStrategy LORA_ALL = FineTuneStrategy.lora(8, 16f, 6, QUERY_VALUE);
    static final FineTuneStrategy FULL = FineTuneStrategy.fineTune(6);

    @Override
    public String description() {
        return "MiniLM in DJL: feature extraction vs fine-tune top-2 vs LoRA, x none/replay/replay+LwF, on WordNet"
                + " class-incremental and noun->verb streams; train step at batch 8 x 32 tokens, frozen layers cached"
                + " vs recomputed";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        BenchArgs opts = BenchArgs.parse(args, Map.of("train", "60", "test", "30", "epochs", "2", "step-steps", "4",
                "steps-only", "false"));
        int train = opts.integer("train", 1);
        int test = opts.integer("test", 1);
        int epochs = opts.integer("epochs", 1);
        int stepSteps = opts.integer("step-steps", 1);
        boolean stepsOnly = Boolean.parseBoolean(opts.text("steps-only"));
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        FinetuneRun.Settings settings = new FinetuneRun.Settings(epochs, 8, 8, 200, 42);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("pytorch_num_threads", threads);
        environment.put("load_average_start", loadAverage());
        environment.put("train_per_class", train);
        environment.put("test_per_class", test);
        environment.put("epochs", epochs);
        environment.put("batch", settings.batch());
        environment.put("replay_batch", settings.replayBatch());
        environment.put("replay_capacity", settings.replayCapacity());
        environment.put("max_tokens", StepSpeed.TOKENS);
        long start = System.nanoTime();
        long cpuStart = StepSpeed.processCpuNanos();
        TextEncoderOptions encoderOptions = TextEncoderOptions.defaults().withMaxLength(StepSpeed.TOKENS);
        try (MiniLmEncoder base = MiniLmEncoder.openBuiltIn(encoderOptions)) {
            GlossStreams streams = new GlossStreams(WordNetReader.system(), train, test, 42);
            TextStream incremental = streams.classIncremental();
            TextStream shift = streams.domainShift();

            System.out.println("training step at batch 8 x 32 tokens, " + threads + " PyTorch thread(s)...");
            List<StepSpeed.Measurement> speeds = new StepSpeed(base, incremental.all(), 2, stepSteps)
                    .measureAll(List.of(FEATURES, TOP2, LORA_TOP2, LORA_ALL, FULL), List.of(TOP2, LORA_TOP2), 3);
            for (StepSpeed.Measurement m : speeds) {
                System.out.println(StepSpeed.row(m));
                String key = "step." + key(m.strategy()) + "."
                        + (m.frozenLayers().startsWith("cached") ? "cached" : "recomputed");
                report.result(key + ".samples_per_s", round(m.samplesPerSecond()));
                report.result(key + ".samples_per_cpu_s", round(m.samplesPerCpuSecond()));
            }
            List<FinetuneRun.Result> results = new ArrayList<>();
            Map<String, Double> fillSeconds = new LinkedHashMap<>();
            if (!stepsOnly) {
                FinetuneRun runner = new FinetuneRun(base, settings);
                for (TextStream stream : List.of(incremental, shift)) {
                    runStream(runner, base, stream, results, fillSeconds);
                }
            }
            double minutes = (System.nanoTime() - start) / 6e10;
            report.result("total_minutes", round(minutes));
            environment.put("process_cpu_minutes", round((StepSpeed.processCpuNanos() - cpuStart) / 6e10));
            environment.put("load_average_end", loadAverage());
            environment.forEach(report::environment);
            summarize(report, results);
            Path docs = Path.of(System.getProperty("streamtune.docs.dir", "docs/benchmarks"));
            if (!stepsOnly) {
                new FinetuneDocs(docs).write(environment, speeds, results, fillSeconds, minutes);
            }
        }
    }

    private static void runStream(FinetuneRun runner, MiniLmEncoder base, TextStream stream,
            List<FinetuneRun.Result> results, Map<String, Double> fillSeconds) {
        Map<Integer, ActivationCache> caches = fillCaches(base, stream, fillSeconds);
        for (FineTuneStrategy strategy : List.of(FEATURES, TOP2, LORA_TOP2)) {
            ActivationCache cache = caches.get(strategy.firstTrainedLayer(base.config()));
            for (boolean[] variant : new boolean[][] {{false, false}, {true, false}, {true, true}}) {
                FinetuneMethod method = new FinetuneMethod(strategy, options(strategy), variant[0], variant[1]);
                FinetuneRun.Result result = runner.run(stream, method, cache);
                results.add(result);
                System.out.printf(Locale.ROOT, "%s %s %s: final accuracy %.3f, forgetting %.3f, %.1f samples/s%n",
                        stream.name(), result.strategy(), result.variant(), result.accuracy().finalAverageAccuracy(),
                        result.accuracy().finalForgetting(), result.samplesPerSecond());
            }
        }
    }

    /**
     * The frozen-layer caches the runs need, filled before any run so that runs measure training only: the
     * layer-4 cache (top-2 fine-tuning, LoRA) from the tokens, the layer-6 cache (feature extraction) on top of it.
     */
    private static Map<Integer, ActivationCache> fillCaches(MiniLmEncoder base, TextStream stream,
            Map<String, Double> fillSeconds) {
        List<LabeledText> all = stream.all();
        int top2 = TOP2.firstTrainedLayer(base.config());
        int features = FEATURES.firstTrainedLayer(base.config());
        ActivationCache lower = new ActivationCache(base, top2, all.size());
        ActivationCache upper = new ActivationCache(lower, features, all.size());
        for (ActivationCache cache : List.of(lower, upper)) {
            long start = System.nanoTime();
            cache.fill(all, 32);
            double seconds = (System.nanoTime() - start) / 1e9;
            fillSeconds.put(stream.name() + ", input of layer " + cache.layer(), seconds);
            System.out.printf(Locale.ROOT, "%s: cached the input of layer %d for %d samples in %.1f s%n",
                    stream.name(), cache.layer(), cache.size(), seconds);
        }
        return Map.of(top2, lower, features, upper);
    }

    /** Head 1e-2; encoder 1e-4 for layer copies, 1e-3 for adapters; 10 warm-up steps; LwF weight 1 at T = 2. */
    static TrainingOptions options(FineTuneStrategy strategy) {
        float encoder = strategy.equals(LORA_TOP2) || strategy.equals(LORA_ALL) ? 1e-3f : 1e-4f;
        return new TrainingOptions(1e-2f, encoder, 10, 0f, 1f, 2f, 0f);
    }

    private static void summarize(BenchReport report, List<FinetuneRun.Result> results) {
        for (FinetuneRun.Result r : results) {
            Map<String, Object> row = r.figures();
            row.remove("trained_samples");
            report.row(row);
            String key = key(r.stream()) + "." + key(r.strategy()) + "." + key(r.variant());
            report.result(key + ".final_acc", round(r.accuracy().finalAverageAccuracy()));
            report.result(key + ".forgetting", round(r.accuracy().finalForgetting()));
        }
    }

    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String key(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
