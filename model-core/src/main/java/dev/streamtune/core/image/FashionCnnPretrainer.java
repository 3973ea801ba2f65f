package dev.streamtune.core.image;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Pretrains the Fashion-CNN on the source task, Fashion-MNIST classes 0-4 (T-shirt/top, Trouser, Pullover, Dress,
 * Coat) of the train split, reports loss and t10k accuracy (classes 0-4) per epoch, and saves the feature extractor
 * as a backbone with {@link FashionCnnStore}.
 */
public final class FashionCnnPretrainer {

    /** First class of the source task. */
    public static final int SOURCE_FIRST = 0;
    /** Last class of the source task. */
    public static final int SOURCE_LAST = 4;

    /**
     * Pretraining settings.
     *
     * @param epochs passes over the source training images
     * @param batchSize images per step
     * @param learningRate Adam learning rate
     * @param seed initialisation and shuffling seed
     * @param trainLimit use only the first this many source images (0 = all 30,000)
     */
    public record Settings(int epochs, int batchSize, float learningRate, long seed, int trainLimit) {
        /** 2 epochs over all 30,000 source images, batch 64, Adam 1e-3, seed 42. */
        public static final Settings DEFAULT = new Settings(2, 64, 1e-3f, 42, 0);
    }

    private final FashionMnist data;
    private final Settings settings;

    /** A pretrainer reading {@code data}. */
    public FashionCnnPretrainer(FashionMnist data, Settings settings) {
        this.data = data;
        this.settings = settings;
    }

    /**
     * Trains and saves into {@code directory}, printing one line per epoch to {@code log}.
     *
     * @return the saved, verified backbone
     */
    public StoredFashionCnn pretrain(Path directory, Consumer<String> log) throws IOException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST);
        LabeledImages sourceTrain = data.read(FashionMnist.Split.TRAIN).classRange(SOURCE_FIRST, SOURCE_LAST);
        if (settings.trainLimit() > 0) {
            sourceTrain = sourceTrain.head(settings.trainLimit());
        }
        TensorSet train = TensorSet.fromImages(sourceTrain, preprocessor);
        TensorSet test = TensorSet.fromImages(
                data.read(FashionMnist.Split.TEST).classRange(SOURCE_FIRST, SOURCE_LAST), preprocessor);
        int classes = SOURCE_LAST - SOURCE_FIRST + 1;
        log.accept(String.format(Locale.ROOT, "pretraining fashion-cnn on classes %d-%d: %d train / %d test images, "
                + "%d epochs, batch %d, seed %d", SOURCE_FIRST, SOURCE_LAST, train.size(), test.size(),
                settings.epochs(), settings.batchSize(), settings.seed()));
        long start = System.nanoTime();
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, classes, settings.seed())) {
            List<PretrainSummary.Epoch> epochs = new ArrayList<>();
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build();
            new ClassifierTrainer(new ClassifierTrainer.Settings(settings.epochs(), 0, settings.batchSize(), settings.seed()))
                    .train(cnn.model(), adam, train, stats -> {
                        double accuracy = BlockInference.accuracy(cnn.model(), test, 500);
                        epochs.add(new PretrainSummary.Epoch(stats.epoch(), stats.loss(), stats.trainAccuracy(), accuracy,
                                stats.seconds()));
                        log.accept(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  train acc %.4f  t10k acc %.4f  %.1f s",
                                stats.epoch(), settings.epochs(), stats.loss(), stats.trainAccuracy(), accuracy,
                                stats.seconds()));
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Integer> sourceClasses = IntStream.rangeClosed(SOURCE_FIRST, SOURCE_LAST).boxed().toList();
            PretrainSummary summary = new PretrainSummary("fashion-mnist", sourceClasses, train.size(), settings.seed(),
                    epochs, seconds);
            StoredFashionCnn stored = FashionCnnStore.save(directory, cnn, preprocessor.settings(), summary);
            log.accept(String.format(Locale.ROOT, "saved backbone %s (sha256 %s) in %.1f s", stored.paramsFile(),
                    stored.descriptor().sha256().substring(0, 16), seconds));
            return stored;
        }
    }
}
