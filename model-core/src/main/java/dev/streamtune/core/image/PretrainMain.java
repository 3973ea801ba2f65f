package dev.streamtune.core.image;

import java.nio.file.Path;

/**
 * {@code ./streamtune pretrain [--epochs N] [--seed S] [--limit N] [--out DIR]}: pretrains the Fashion-CNN backbone
 * on Fashion-MNIST classes 0-4 and saves it (default {@code .streamtune/backbones/fashion-cnn/}).
 */
public final class PretrainMain {

    private static final String USAGE = "usage: ./streamtune pretrain [--epochs N] [--seed S] [--limit N] [--out DIR]";

    private PretrainMain() {}

    /**
     * Parsed command line.
     *
     * @param settings pretraining settings
     * @param out backbone folder
     */
    record Options(FashionCnnPretrainer.Settings settings, Path out) {}

    /** Runs the pretraining; exit code 2 for bad arguments. */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pretrain: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        new FashionCnnPretrainer(FashionMnist.installed(), options.settings()).pretrain(options.out(), System.out::println);
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    static Options parse(String[] args) {
        FashionCnnPretrainer.Settings d = FashionCnnPretrainer.Settings.DEFAULT;
        int epochs = d.epochs();
        long seed = d.seed();
        int limit = d.trainLimit();
        Path out = FashionCnnStore.DEFAULT_DIRECTORY;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            try {
                switch (args[i]) {
                    case "--epochs" -> epochs = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--limit" -> limit = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i] + " needs a number, got '" + value + "'", e);
            }
        }
        if (epochs < 1 || limit < 0) {
            throw new IllegalArgumentException("--epochs must be >= 1 and --limit >= 0");
        }
        return new Options(new FashionCnnPretrainer.Settings(epochs, d.batchSize(), d.learningRate(), seed, limit), out);
    }
}
