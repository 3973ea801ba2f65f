package dev.streamtune.bench;

import dev.streamtune.core.image.FashionCnnBackbone;
import dev.streamtune.core.image.FashionCnnPretrainer;
import dev.streamtune.core.image.FashionCnnStore;
import dev.streamtune.core.image.FashionMnist;
import dev.streamtune.core.image.ImagePreprocessor;
import dev.streamtune.core.image.LabeledImages;
import dev.streamtune.core.image.StoredFashionCnn;
import dev.streamtune.core.image.TensorSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench transfer}: learns the target task, Fashion-MNIST classes 5-9 (Sandal, Shirt, Sneaker, Bag, Ankle
 * boot), from 10, 50 and 500 labelled images per class (nested seeded subsets of the train split) three ways -
 * from scratch, feature extraction and fine-tuning of the backbone pretrained on classes 0-4 - and reports each
 * one's accuracy on all 5,000 t10k images of classes 5-9. Pretrains the backbone first when it is missing.
 */
public final class TransferBench implements Benchmark {

    static final int TARGET_FIRST = 5;
    static final int TARGET_LAST = 9;

    @Override
    public String description() {
        return "transfer to Fashion-MNIST classes 5-9 with 10/50/500 labels per class: scratch vs feature extraction "
                + "vs fine-tuning of the CNN pretrained on classes 0-4 (t10k accuracy)";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        TransferSettings settings = TransferSettings.parse(args);
        long start = System.nanoTime();
        report.environment("load_average_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        FashionMnist data = FashionMnist.installed();
        boolean pretrainNow = !FashionCnnStore.exists(settings.backbone());
        StoredFashionCnn pretrained = pretrainNow ? pretrain(data, settings) : FashionCnnStore.load(settings.backbone());
        System.out.printf(Locale.ROOT, "backbone %s: sha256 %s, source-task t10k accuracy %.4f%n",
                pretrained.directory(), pretrained.descriptor().sha256().substring(0, 16),
                pretrained.descriptor().pretraining().testAccuracy());

        ImagePreprocessor preprocessor = new ImagePreprocessor(pretrained.descriptor().preprocessing());
        LabeledImages testImages = data.read(FashionMnist.Split.TEST).classRange(TARGET_FIRST, TARGET_LAST);
        LabeledImages targetTrain = data.read(FashionMnist.Split.TRAIN).classRange(TARGET_FIRST, TARGET_LAST);
        TensorSet test = TensorSet.fromImages(testImages, preprocessor);
        try (FashionCnnBackbone frozen = FashionCnnBackbone.open(pretrained)) {
            TransferMethods methods = new TransferMethods(pretrained, frozen, test, settings);
            for (int perClass : settings.labelsPerClass()) {
                TensorSet train = TensorSet.fromImages(targetTrain.samplePerClass(perClass, settings.seed()), preprocessor);
                record(report, perClass, train.size(), "scratch", methods.scratch(train));
                record(report, perClass, train.size(), "fe", methods.featureExtraction(train));
                record(report, perClass, train.size(), "ft", methods.fineTune(train));
            }
        }
        report.result("source_acc", pretrained.descriptor().pretraining().testAccuracy());
        report.result("pretrained_now", pretrainNow);
        report.result("seconds", (System.nanoTime() - start) / 1e9);
        report.environment("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.environment("test_images", test.size());
        report.environment("seed", settings.seed());
        report.environment("settings", settings.toString());
        report.environment("backbone_sha256", pretrained.descriptor().sha256());
    }

    private static StoredFashionCnn pretrain(FashionMnist data, TransferSettings settings) throws IOException {
        FashionCnnPretrainer.Settings d = FashionCnnPretrainer.Settings.DEFAULT;
        System.out.println("no pretrained backbone in " + settings.backbone().toAbsolutePath()
                + ": pretraining it first (" + settings.pretrainEpochs() + " epochs on classes 0-4)");
        FashionCnnPretrainer.Settings pretrain = new FashionCnnPretrainer.Settings(settings.pretrainEpochs(),
                d.batchSize(), d.learningRate(), d.seed(), settings.pretrainLimit());
        return new FashionCnnPretrainer(data, pretrain).pretrain(settings.backbone(), System.out::println);
    }

    private static void record(BenchReport report, int perClass, int images, String method, TransferMethods.Outcome outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("labels_per_class", perClass);
        row.put("train_images", images);
        row.put("method", method);
        row.put("steps", outcome.steps());
        row.put("train_s", outcome.trainSeconds());
        row.put("test_acc", outcome.accuracy());
        report.row(row);
        report.result(method + "_" + perClass, outcome.accuracy());
        System.out.printf(Locale.ROOT, "%3d labels/class  %-7s  acc %.4f  (%d steps, %.1f s)%n", perClass, method,
                outcome.accuracy(), outcome.steps(), outcome.trainSeconds());
    }
}
