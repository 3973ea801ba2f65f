package dev.streamtune.bench;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.streamtune.core.image.BlockInference;
import dev.streamtune.core.image.ClassifierTrainer;
import dev.streamtune.core.image.FashionCnn;
import dev.streamtune.core.image.FashionCnnArchitecture;
import dev.streamtune.core.image.FashionCnnBackbone;
import dev.streamtune.core.image.SplitRateOptimizer;
import dev.streamtune.core.image.StoredFashionCnn;
import dev.streamtune.core.image.TensorSet;
import java.io.IOException;

/**
 * The three ways {@code bench transfer} learns the target task, all on the same training schedule and evaluated
 * on the same test images: from scratch, feature extraction (frozen pretrained backbone, new head trained on its
 * cached features) and fine-tuning (pretrained backbone unfrozen at a lower learning rate than the new head).
 */
final class TransferMethods {

    /**
     * What one method achieved.
     *
     * @param accuracy accuracy on the test images
     * @param steps optimizer steps taken
     * @param trainSeconds wall time of training (feature extraction included for the frozen method)
     */
    record Outcome(double accuracy, int steps, double trainSeconds) {}

    private final StoredFashionCnn pretrained;
    private final FashionCnnBackbone frozen;
    private final TensorSet test;
    private final TensorSet testFeatures;
    private final TransferSettings settings;
    private final ClassifierTrainer.Settings schedule;
    private final int classes;

    /** Embeds the test images with the frozen backbone once, for every feature-extraction run. */
    TransferMethods(StoredFashionCnn pretrained, FashionCnnBackbone frozen, TensorSet test, TransferSettings settings) {
        this.pretrained = pretrained;
        this.frozen = frozen;
        this.test = test;
        this.testFeatures = TensorSet.fromRows(frozen.embed(test), test.labels());
        this.settings = settings;
        this.schedule = settings.schedule();
        this.classes = test.classCount();
    }

    Outcome scratch(TensorSet train) {
        long start = System.nanoTime();
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, classes, schedule.seed())) {
            int steps = train(cnn.model(), adam(settings.scratchRate()), train);
            double seconds = since(start);
            return new Outcome(BlockInference.accuracy(cnn.model(), test, 500), steps, seconds);
        }
    }

    Outcome featureExtraction(TensorSet train) {
        long start = System.nanoTime();
        TensorSet features = TensorSet.fromRows(frozen.embed(train), train.labels());
        int dimension = frozen.info().dimension();
        try (Model head = Model.newInstance("fe-head", FashionCnn.ENGINE)) {
            head.setBlock(pretrained.descriptor().architecture().newHead(classes));
            Engine.getEngine(FashionCnn.ENGINE).setRandomSeed((int) schedule.seed());
            head.getBlock().initialize(head.getNDManager(), DataType.FLOAT32, new Shape(1, dimension));
            int steps = train(head, adam(settings.headRate()), features);
            double seconds = since(start);
            return new Outcome(BlockInference.accuracy(head, testFeatures, 500), steps, seconds);
        }
    }

    Outcome fineTune(TensorSet train) throws IOException {
        long start = System.nanoTime();
        try (FashionCnn cnn = FashionCnn.pretrained(pretrained, classes, schedule.seed())) {
            Optimizer optimizer = new SplitRateOptimizer(cnn.featureParameterIds(), adam(settings.backboneRate()),
                    adam(settings.headRate()));
            int steps = train(cnn.model(), optimizer, train);
            double seconds = since(start);
            return new Outcome(BlockInference.accuracy(cnn.model(), test, 500), steps, seconds);
        }
    }

    private int train(Model model, Optimizer optimizer, TensorSet train) {
        var history = new ClassifierTrainer(schedule).train(model, optimizer, train, stats -> { });
        return history.get(history.size() - 1).steps();
    }

    private static Optimizer adam(float learningRate) {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
