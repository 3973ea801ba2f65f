package dev.streamtune.bench;

import dev.streamtune.core.image.ClassifierTrainer;
import dev.streamtune.core.image.FashionCnnStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code bench transfer}.
 *
 * @param labelsPerClass target-task training set sizes (labelled images per class)
 * @param seed seed of the subsets, initialisations and shuffling
 * @param epochs passes over each training set
 * @param minSteps at least this many optimizer steps per run (small sets get more passes)
 * @param batchSize images per step
 * @param backbone folder of the pretrained backbone (pretrained first when missing)
 * @param pretrainEpochs epochs when the backbone has to be pretrained first
 * @param pretrainLimit source images used when pretraining first (0 = all 30,000; fewer only for smoke tests)
 * @param scratchRate Adam learning rate of the CNN trained from scratch
 * @param headRate Adam learning rate of the new heads (feature extraction and fine-tuning)
 * @param backboneRate Adam learning rate of the pretrained backbone while fine-tuning
 */
record TransferSettings(List<Integer> labelsPerClass, long seed, int epochs, int minSteps, int batchSize, Path backbone,
        int pretrainEpochs, int pretrainLimit, float scratchRate, float headRate, float backboneRate) {

    static final String USAGE = "bench transfer [--sizes 10,50,500] [--seed 7] [--epochs 6] [--min-steps 150] "
            + "[--batch 32] [--backbone .streamtune/backbones/fashion-cnn] [--pretrain-epochs 2] [--pretrain-limit 0] "
            + "[--scratch-lr 1e-3] "
            + "[--head-lr 1e-2] [--backbone-lr 1e-3]";

    /** The training schedule shared by the three methods, so they are compared on equal steps. */
    ClassifierTrainer.Settings schedule() {
        return new ClassifierTrainer.Settings(epochs, minSteps, batchSize, seed);
    }

    /**
     * Parses {@code --name value} pairs over the defaults.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, with {@link #USAGE}
     */
    static TransferSettings parse(String[] args) {
        List<Integer> sizes = List.of(10, 50, 500);
        long seed = 7;
        int epochs = 6;
        int minSteps = 150;
        int batch = 32;
        Path backbone = FashionCnnStore.DEFAULT_DIRECTORY;
        int pretrainEpochs = 2;
        int pretrainLimit = 0;
        float scratchRate = 1e-3f;
        float headRate = 1e-2f;
        float backboneRate = 1e-3f;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            try {
                switch (args[i]) {
                    case "--sizes" -> sizes = parseSizes(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--epochs" -> epochs = Integer.parseInt(value);
                    case "--min-steps" -> minSteps = Integer.parseInt(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--backbone" -> backbone = Path.of(value);
                    case "--pretrain-epochs" -> pretrainEpochs = Integer.parseInt(value);
                    case "--pretrain-limit" -> pretrainLimit = Integer.parseInt(value);
                    case "--scratch-lr" -> scratchRate = Float.parseFloat(value);
                    case "--head-lr" -> headRate = Float.parseFloat(value);
                    case "--backbone-lr" -> backboneRate = Float.parseFloat(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i] + " needs a number, got '" + value + "'", e);
            }
        }
        if (epochs < 1 || minSteps < 0 || batch < 1 || pretrainEpochs < 1 || pretrainLimit < 0) {
            throw new IllegalArgumentException(
                    "--epochs, --batch and --pretrain-epochs must be >= 1, --min-steps and --pretrain-limit >= 0");
        }
        for (float rate : new float[] {scratchRate, headRate, backboneRate}) {
            if (!(rate > 0) || !Float.isFinite(rate)) {
                throw new IllegalArgumentException("learning rates must be positive and finite, got " + rate);
            }
        }
        return new TransferSettings(sizes, seed, epochs, minSteps, batch, backbone, pretrainEpochs, pretrainLimit,
                scratchRate, headRate, backboneRate);
    }

    private static List<Integer> parseSizes(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            int size = Integer.parseInt(part.trim());
            if (size < 1 || size > 6000) {
                throw new IllegalArgumentException("labels per class must be 1..6000, got " + size);
            }
            sizes.add(size);
        }
        return Arrays.stream(sizes.toArray(Integer[]::new)).sorted().distinct().toList();
    }
}
