package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneRegistry;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.eval.AccuracyMatrix;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.Example;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.learn.OptimizerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench continual}: class-incremental learning on real WordNet noun glosses, embedded by the frozen
 * MiniLM backbone: 10 lexicographer classes in 5 experiences of 2 classes. In one run it compares naive
 * fine-tuning (no replay), reservoir and class-balanced replay at several buffer sizes, and joint training on all
 * data shuffled (the upper bound), each over several seeds; it prints the average accuracy after each
 * experience, final average accuracy, forgetting and backward transfer, writes {@code continual.json} and a
 * {@code continual.png} plot to {@code docs/benchmarks/}. Embeddings are cached under {@code target/bench-cache}.
 *
 * <p>Arguments: {@code --per-class N} glosses per class (default 600), {@code --epochs N} per experience
 * (default 5), {@code --seeds N} (default 3), {@code --ratio R} replay share of each step (default 0.5),
 * {@code --lr X} Adam learning rate (default 5e-4), {@code --methods a,b} only these methods (joint always runs),
 * {@code --docs DIR} (default {@code docs/benchmarks}).
 */
public final class ContinualBench implements Benchmark {

    static final List<String> CLASSES = List.of("noun.animal", "noun.artifact", "noun.body", "noun.food",
            "noun.location", "noun.person", "noun.plant", "noun.act", "noun.communication", "noun.state");
    private static final int CLASSES_PER_EXPERIENCE = 2;
    private static final int[] BUFFERS = {200, 500, 2000};
    private static final double TEST_FRACTION = 0.2;
    private static final long DATA_SEED = 2024;

    @Override
    public String description() {
        return "class-incremental WordNet glosses (10 lexnames, 5 experiences), MiniLM frozen + MLP head: naive vs"
                + " reservoir / class-balanced replay (200, 500, 2000) vs joint training";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        int perClass = BenchArgs.intArg(args, "--per-class", 600);
        int epochs = BenchArgs.intArg(args, "--epochs", 5);
        int seeds = BenchArgs.intArg(args, "--seeds", 3);
        double ratio = Double.parseDouble(BenchArgs.stringArg(args, "--ratio", "0.5"));
        Path docs = Path.of(BenchArgs.stringArg(args, "--docs", "docs/benchmarks"));
        float lr = Float.parseFloat(BenchArgs.stringArg(args, "--lr", "5e-4"));
        List<String> only = List.of(BenchArgs.stringArg(args, "--methods", "").split(","));
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        GlossDataset data = GlossDataset.load(CLASSES, perClass, TEST_FRACTION, DATA_SEED);
        Map<String, float[]> vectors;
        String backboneId;
        try (Backbone<String> backbone = BackboneRegistry.withBuiltIns(TextEncoderOptions.defaults()).openText(MiniLmBackbone.ID)) {
            backboneId = backbone.info().id() + " sha256:" + backbone.info().sha256().substring(0, 12);
            vectors = new EmbeddingCache(Path.of("target", "bench-cache")).embed(backbone, data.all());
        }
        List<List<Example>> train = new ArrayList<>();
        List<List<Example>> test = new ArrayList<>();
        for (int e = 0; e < CLASSES.size() / CLASSES_PER_EXPERIENCE; e++) {
            List<String> classes = CLASSES.subList(e * CLASSES_PER_EXPERIENCE, (e + 1) * CLASSES_PER_EXPERIENCE);
            train.add(examples(classes, data.train(), vectors));
            test.add(examples(classes, data.test(), vectors));
        }
        report.environment("backbone", backboneId).environment("per_class", perClass).environment("epochs", epochs)
                .environment("seeds", seeds).environment("replay_ratio", ratio)
                .environment("train_examples", train.stream().mapToInt(List::size).sum())
                .environment("test_examples", test.stream().mapToInt(List::size).sum())
                .environment("pytorch_num_threads", System.getProperty("ai.djl.pytorch.num_threads"));
        LearnerConfig base = LearnerConfig.defaults(MiniLmBackbone.DIMENSION)
                .withHead(new HeadConfig(MiniLmBackbone.DIMENSION, List.of(256), 0.1f))
                .withOptimizer(OptimizerConfig.adam(lr)).withBatchSize(64).withHoldout(0, 1);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("backbone", backboneId);
        settings.put("glosses_per_class", perClass);
        settings.put("test_fraction", TEST_FRACTION);
        settings.put("train_examples", train.stream().mapToInt(List::size).sum());
        settings.put("test_examples", test.stream().mapToInt(List::size).sum());
        settings.put("head", base.head());
        settings.put("optimizer", base.optimizer());
        settings.put("batch_size", base.batchSize());
        settings.put("epochs_per_experience", epochs);
        settings.put("replay_ratio", ratio);
        settings.put("replay_loss", "asymmetric (ER-ACE) with replay; plain cross-entropy for naive and joint");
        settings.put("seeds", seeds);
        Map<String, ContinualSummary> summaries = new LinkedHashMap<>();
        for (ContinualMethod method : ContinualMethod.all(BUFFERS, ratio)) {
            if (!only.equals(List.of("")) && !only.contains(method.name()) && !method.joint()) {
                continue;
            }
            long t0 = System.nanoTime();
            List<AccuracyMatrix> runs = new ArrayList<>();
            for (int seed = 0; seed < seeds; seed++) {
                runs.add(ContinualRun.run(base.withReplay(method.replay()).withSeed(1000 + seed), train, test, epochs, method.joint()));
            }
            ContinualSummary s = ContinualSummary.of(runs, (System.nanoTime() - t0) / 1e9);
            summaries.put(method.name(), s);
            System.out.printf("%-20s final accuracy %.3f ± %.3f  forgetting %.3f  (%.1f s)%n", method.name(),
                    s.finalAccuracy(), s.finalAccuracySd(), s.forgetting(), s.seconds());
            report.row(s.row(method.name()));
            report.result(method.key() + "_final_accuracy", s.finalAccuracy());
            if (!method.joint()) {
                report.result(method.key() + "_forgetting", s.forgetting());
            }
        }
        double joint = summaries.get("joint").finalAccuracy();
        for (ContinualMethod m : ContinualMethod.all(new int[] {500}, ratio)) {
            if (m.replay().enabled() && summaries.containsKey(m.name())) {
                ContinualSummary s = summaries.get(m.name());
                report.result(m.key() + "_vs_joint", s.finalAccuracy() / joint);
                report.result(m.key() + "_floor_ok", s.finalAccuracy() >= 0.9 * joint && s.forgetting() <= 0.10);
            }
        }
        writeDocs(docs, report, settings, summaries, joint);
    }

    private static List<Example> examples(List<String> classes, Map<String, List<WordNetGloss>> split, Map<String, float[]> vectors) {
        List<Example> out = new ArrayList<>();
        for (String c : classes) {
            for (WordNetGloss g : split.get(c)) {
                out.add(Example.of(g.id(), vectors.get(g.id()), c));
            }
        }
        return out;
    }

    private static void writeDocs(Path docs, BenchReport report, Map<String, Object> settings,
            Map<String, ContinualSummary> summaries, double joint) throws Exception {
        Map<String, double[]> curves = new LinkedHashMap<>();
        summaries.forEach((name, s) -> {
            if (!name.equals("joint")) {
                curves.put(name, s.curve());
            }
        });
        Path png = docs.resolve("continual.png");
        AccuracyPlot.write(png, "Class-incremental WordNet glosses (MiniLM + MLP head), mean of seeds", curves,
                "joint, all 5 at once (upper bound)", joint);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "continual");
        json.put("command", "./streamtune bench continual");
        json.put("classes", CLASSES);
        json.put("settings", settings);
        json.put("results", report.results());
        json.put("methods", summaries);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(docs.resolve("continual.json").toFile(), json);
        System.out.println("wrote " + png + " and " + docs.resolve("continual.json"));
    }
}
