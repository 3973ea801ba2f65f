package dev.streamtune.bench;

import dev.streamtune.core.image.FashionCnnPretrainer;
import dev.streamtune.core.image.FashionMnist;
import dev.streamtune.core.image.PretrainSummary;
import dev.streamtune.core.image.StoredFashionCnn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench pretrain [--epochs N]}: pretrains the Fashion-CNN on classes 0-4 as {@code ./streamtune pretrain}
 * does, into a temporary folder (the real backbone is left alone), and reports per-epoch loss, accuracy and
 * training throughput.
 */
public final class PretrainBench implements Benchmark {

    @Override
    public String description() {
        return "pretraining of the Fashion-CNN backbone on Fashion-MNIST classes 0-4 (30,000 images): "
                + "per-epoch loss, t10k accuracy, images/s";
    }

    @Override
    public void run(BenchReport report, String[] args) throws IOException {
        FashionCnnPretrainer.Settings d = FashionCnnPretrainer.Settings.DEFAULT;
        int epochs = d.epochs();
        if (args.length == 2 && "--epochs".equals(args[0])) {
            epochs = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("usage: bench pretrain [--epochs N]");
        }
        report.environment("load_average_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("streamtune-pretrain-bench");
        try {
            FashionCnnPretrainer.Settings settings = new FashionCnnPretrainer.Settings(epochs, d.batchSize(),
                    d.learningRate(), d.seed(), 0);
            StoredFashionCnn stored = new FashionCnnPretrainer(FashionMnist.installed(), settings)
                    .pretrain(dir, System.out::println);
            PretrainSummary summary = stored.descriptor().pretraining();
            double trainSeconds = 0;
            for (PretrainSummary.Epoch epoch : summary.epochs()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("epoch", epoch.epoch());
                row.put("loss", epoch.loss());
                row.put("train_acc", epoch.trainAccuracy());
                row.put("t10k_acc", epoch.testAccuracy());
                row.put("train_s", epoch.seconds());
                row.put("images_per_s", summary.trainImages() / epoch.seconds());
                report.row(row);
                trainSeconds += epoch.seconds();
            }
            report.environment("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report.result("source_acc", summary.testAccuracy());
            report.result("epochs", epochs);
            report.result("images_per_s", summary.trainImages() * (double) epochs / trainSeconds);
            report.result("seconds", summary.seconds());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
