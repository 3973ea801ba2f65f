package dev.streamtune.bench;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.streamtune.core.image.ClassIncrementalRunner;
import dev.streamtune.core.image.ClassIncrementalRunner.Method;
import dev.streamtune.core.image.ClassIncrementalSplit;
import dev.streamtune.core.image.ClassIncrementalSplit.Experience;
import dev.streamtune.core.image.ContinualImageTrainer;
import dev.streamtune.core.image.FashionCnn;
import dev.streamtune.core.image.FashionCnnArchitecture;
import dev.streamtune.core.image.FashionMnist;
import dev.streamtune.core.image.ImagePreprocessing;
import dev.streamtune.core.image.ImagePreprocessor;
import dev.streamtune.core.replay.ReplayPolicy;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bench split-fashion}: class-incremental Split Fashion-MNIST (5 experiences × 2 classes, one head over all
 * 10 classes, no task id) with the Fashion-CNN trained end to end from random initialisation, comparing naive
 * fine-tuning (lower bound), experience replay of raw images with buffers of 200 and 500 images, and joint training
 * on all experiences at once (upper bound), in one run: final average accuracy over the 10 classes on the whole
 * t10k test split, forgetting, training samples/s. Prints ER/joint ratios against the DER paper's anchor.
 *
 * <p>Writes {@code docs/benchmarks/split-fashion.md}, {@code split-fashion.png} and {@code split-fashion.json}
 * (folder: {@code -Dstreamtune.docs.dir}). PyTorch runs 1 intra-op thread unless
 * {@code -Dai.djl.pytorch.num_threads} says otherwise.
 */
public final class SplitFashionBench implements Benchmark {

    /** Class-IL accuracy (%) of ER with 500 samples on Seq-MNIST in Buzzega et al. (2020), Table 2. */
    static final double DER_ER500 = 86.12;
    /** Class-IL accuracy (%) of joint training on Seq-MNIST in Buzzega et al. (2020), Table 2. */
    static final double DER_JOINT = 95.57;
    /** The anchor: ER-500 / joint on Seq-MNIST, about 0.90. */
    static final double DER_ER500_OVER_JOINT = DER_ER500 / DER_JOINT;

    @Override
    public String description() {
        return "class-incremental Split Fashion-MNIST (5 x 2 classes), CNN trained end to end: naive vs replay of raw"
                + " images (buffer 200/500) vs joint; final accuracy on t10k, forgetting, training samples/s";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        BenchArgs opts = BenchArgs.parse(args, Map.of("train-per-class", "2000", "epochs", "1", "batch", "32",
                "replay-batch", "32", "buffers", "200,500", "policy", "reservoir", "optimizer", "sgd", "lr", "0.05",
                "seed", "42"));
        int perClass = opts.integer("train-per-class", 0);
        ContinualImageTrainer.Settings settings = new ContinualImageTrainer.Settings(opts.integer("epochs", 1),
                opts.integer("batch", 1), opts.integer("replay-batch", 0), opts.integer("seed", 0));
        ReplayPolicy policy = ReplayPolicy.fromId(opts.text("policy"));
        List<Integer> buffers = buffers(opts.text("buffers"));
        Supplier<Optimizer> optimizers = optimizers(opts.text("optimizer"), (float) opts.positive("lr"));
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        long start = System.nanoTime();
        double cpuStart = ProcessCpu.self();
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("pytorch_num_threads", System.getProperty("ai.djl.pytorch.num_threads"));
        environment.put("load_average_start", loadAverage());
        environment.putAll(opts.asMap());

        FashionMnist data = FashionMnist.installed();
        List<Experience> experiences = ClassIncrementalSplit.split(data.read(FashionMnist.Split.TRAIN),
                data.read(FashionMnist.Split.TEST), 2, perClass, settings.seed());
        for (Experience e : experiences) {
            System.out.printf(Locale.ROOT, "experience %d: classes %d-%d (%s, %s), %d train / %d test images%n",
                    e.index() + 1, e.firstClass(), e.lastClass(), FashionMnist.CLASS_NAMES.get(e.firstClass()),
                    FashionMnist.CLASS_NAMES.get(e.lastClass()), e.train().size(), e.test().size());
        }
        environment.put("train_images_per_experience", experiences.get(0).train().size());
        environment.put("test_images", experiences.stream().mapToInt(e -> e.test().size()).sum());
        ClassIncrementalRunner runner = new ClassIncrementalRunner(experiences,
                new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST), FashionCnnArchitecture.DEFAULT, settings,
                optimizers);
        double warmUpSeconds = warmUp(experiences.get(0), settings, optimizers);
        System.out.printf(Locale.ROOT, "warm-up (untimed, discarded): one pass over experience 1 in %.1f s%n",
                warmUpSeconds);
        environment.put("warm_up_seconds", round(warmUpSeconds));
        List<Method> methods = new ArrayList<>();
        methods.add(Method.naive());
        buffers.forEach(capacity -> methods.add(Method.replay(policy, capacity)));
        methods.add(Method.jointTraining());
        List<ClassIncrementalRunner.Result> results = new ArrayList<>();
        for (Method method : methods) {
            ClassIncrementalRunner.Result r = runner.run(method);
            results.add(r);
            System.out.printf(Locale.ROOT, "%-22s final accuracy %.3f, forgetting %.3f, %.0f samples/s (%.0f per CPU-s),"
                    + " %d steps%n", method.name(), r.accuracy().finalAverageAccuracy(), r.accuracy().finalForgetting(),
                    r.samplesPerSecond(), r.samplesPerCpuSecond(), r.steps());
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        environment.put("process_cpu_minutes", round((ProcessCpu.self() - cpuStart) / 60));
        environment.put("load_average_end", loadAverage());
        environment.forEach(report::environment);
        summarize(report, results);
        report.result("total_minutes", round(minutes));
        Path docs = Path.of(System.getProperty("streamtune.docs.dir", "docs/benchmarks"));
        new SplitFashionDocs(docs).write(environment, results, minutes);
    }

    /**
     * Trains a throwaway CNN on one experience so that the first measured method does not pay for the JIT and for
     * PyTorch's first kernels (without it, whichever method runs first shows about half the samples per CPU-second).
     */
    private static double warmUp(Experience experience, ContinualImageTrainer.Settings settings,
            Supplier<Optimizer> optimizers) {
        long start = System.nanoTime();
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 10, settings.seed() + 1);
                ContinualImageTrainer trainer = new ContinualImageTrainer(cnn, optimizers.get(),
                        new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST), null, settings)) {
            trainer.learn(experience.train(), "warm-up-");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void summarize(BenchReport report, List<ClassIncrementalRunner.Result> results) {
        double joint = results.get(results.size() - 1).accuracy().finalAverageAccuracy();
        for (ClassIncrementalRunner.Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", r.method().name());
            row.put("final_avg_acc", round(r.accuracy().finalAverageAccuracy()));
            row.put("std_err", round(r.standardError()));
            row.put("forgetting", r.method().joint() ? null : round(r.accuracy().finalForgetting()));
            row.put("of_joint", round(r.accuracy().finalAverageAccuracy() / joint));
            row.put("train_samples_per_s", round(r.samplesPerSecond()));
            row.put("train_samples_per_cpu_s", round(r.samplesPerCpuSecond()));
            row.put("trained_samples", r.trainedImages());
            row.put("replay_kib", round(r.replayBytes() / 1024.0));
            report.row(row);
            String key = key(r.method());
            report.result(key + ".final_acc", round(r.accuracy().finalAverageAccuracy()));
            if (!r.method().joint()) {
                report.result(key + ".forgetting", round(r.accuracy().finalForgetting()));
            }
            report.result(key + ".samples_per_s", round(r.samplesPerSecond()));
            if (r.method().policy() != null) {
                report.result(key + ".of_joint", round(r.accuracy().finalAverageAccuracy() / joint));
            }
        }
        report.result("der_seq_mnist_er500_of_joint", round(DER_ER500_OVER_JOINT));
    }

    /** {@code naive}, {@code er200}, {@code joint}. */
    static String key(Method method) {
        return method.policy() == null ? method.name() : "er" + method.capacity();
    }

    static List<Integer> buffers(String list) {
        try {
            List<Integer> sizes = Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
                throw new IllegalArgumentException("option --buffers needs sizes >= 1, got '" + list + "'");
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --buffers needs comma-separated integers, got '" + list + "'");
        }
    }

    static Supplier<Optimizer> optimizers(String name, float learningRate) {
        return switch (name) {
            case "sgd" -> () -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build();
            case "adam" -> () -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
            default -> throw new IllegalArgumentException("option --optimizer must be sgd or adam, got '" + name + "'");
        };
    }

    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
