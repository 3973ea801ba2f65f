package dev.streamtune.core.backbone;

import ai.djl.util.Utils;
import java.nio.file.Path;

/**
 * How a {@link MiniLmBackbone} runs.
 *
 * @param maxLength tokens per text including {@code [CLS]} and {@code [SEP]}; longer texts are truncated
 *     (BERT-family models have 512 positions)
 * @param batchSize texts per forward pass; {@code embed} splits larger lists into batches of this size
 * @param predictors DJL predictors in the pool, i.e. how many batches may run at the same time
 * @param intraOpThreads ONNX Runtime threads per forward pass
 * @param cacheFolder where bundled model files are extracted
 */
public record TextEncoderOptions(int maxLength, int batchSize, int predictors, int intraOpThreads, Path cacheFolder) {

    /** The most positions a BERT-family encoder has. */
    public static final int MAX_POSITIONS = 512;

    public TextEncoderOptions {
        if (maxLength < 3 || maxLength > MAX_POSITIONS) {
            throw new IllegalArgumentException("maxLength must be 3.." + MAX_POSITIONS + " tokens, was " + maxLength);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (predictors < 1) {
            throw new IllegalArgumentException("predictors must be at least 1, was " + predictors);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        if (cacheFolder == null) {
            throw new IllegalArgumentException("cacheFolder must be set");
        }
    }

    /**
     * Defaults: 128 tokens, batches of 32, 2 predictors, one ONNX Runtime thread per core, and the cache folder
     * {@code streamtune-models} under DJL's cache ({@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}), unless the
     * system property {@code streamtune.model.cache} names another.
     */
    public static TextEncoderOptions defaults() {
        String configured = System.getProperty("streamtune.model.cache");
        Path cache = configured != null ? Path.of(configured) : Utils.getCacheDir().resolve("streamtune-models");
        return new TextEncoderOptions(128, 32, 2, Runtime.getRuntime().availableProcessors(), cache);
    }

    /** A copy with another {@link #maxLength}. */
    public TextEncoderOptions withMaxLength(int tokens) {
        return new TextEncoderOptions(tokens, batchSize, predictors, intraOpThreads, cacheFolder);
    }

    /** A copy with another {@link #batchSize}. */
    public TextEncoderOptions withBatchSize(int texts) {
        return new TextEncoderOptions(maxLength, texts, predictors, intraOpThreads, cacheFolder);
    }

    /** A copy with another {@link #predictors} count. */
    public TextEncoderOptions withPredictors(int count) {
        return new TextEncoderOptions(maxLength, batchSize, count, intraOpThreads, cacheFolder);
    }

    /** A copy with another {@link #intraOpThreads} count. */
    public TextEncoderOptions withIntraOpThreads(int threads) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, threads, cacheFolder);
    }

    /** A copy with another {@link #cacheFolder}. */
    public TextEncoderOptions withCacheFolder(Path folder) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, intraOpThreads, folder);
    }
}
