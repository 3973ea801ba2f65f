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
 * @param callOverheadRows fixed cost of one forward pass in token rows, for {@link LengthBatchPlanner}: texts are
 *     grouped by length into passes of at most {@code batchSize}, and a pass is split off where the padding it
 *     saves outweighs this; {@link Integer#MAX_VALUE} keeps input order and cuts only at {@code batchSize}
 * @param intraOpSpinning whether ONNX Runtime's intra-op threads spin while waiting for work (its default: lowest
 *     latency when the encoder has the cores to itself); off, they sleep, which leaves the cores to other work that
 *     runs at the same time, e.g. a trainer training one batch while the next one is embedded
 */
public record TextEncoderOptions(int maxLength, int batchSize, int predictors, int intraOpThreads, Path cacheFolder,
        int callOverheadRows, boolean intraOpSpinning) {

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
        if (callOverheadRows < 0) {
            throw new IllegalArgumentException("callOverheadRows must be at least 0, was " + callOverheadRows);
        }
    }

    /**
     * Defaults: 128 tokens, batches of 32 grouped by length
     * ({@link LengthBatchPlanner#DEFAULT_CALL_OVERHEAD_ROWS}), 2 predictors, one spinning ONNX Runtime thread per core, and the cache folder
     * {@code streamtune-models} under DJL's cache ({@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}), unless the
     * system property {@code streamtune.model.cache} names another.
     */
    public static TextEncoderOptions defaults() {
        String configured = System.getProperty("streamtune.model.cache");
        Path cache = configured != null ? Path.of(configured) : Utils.getCacheDir().resolve("streamtune-models");
        return new TextEncoderOptions(128, 32, 2, Runtime.getRuntime().availableProcessors(), cache,
                LengthBatchPlanner.DEFAULT_CALL_OVERHEAD_ROWS, true);
    }

    /** A copy with another {@link #maxLength}. */
    public TextEncoderOptions withMaxLength(int tokens) {
        return new TextEncoderOptions(tokens, batchSize, predictors, intraOpThreads, cacheFolder, callOverheadRows,
                intraOpSpinning);
    }

    /** A copy with another {@link #batchSize}. */
    public TextEncoderOptions withBatchSize(int texts) {
        return new TextEncoderOptions(maxLength, texts, predictors, intraOpThreads, cacheFolder, callOverheadRows,
                intraOpSpinning);
    }

    /** A copy with another {@link #predictors} count. */
    public TextEncoderOptions withPredictors(int count) {
        return new TextEncoderOptions(maxLength, batchSize, count, intraOpThreads, cacheFolder, callOverheadRows,
                intraOpSpinning);
    }

    /** A copy with another {@link #intraOpThreads} count. */
    public TextEncoderOptions withIntraOpThreads(int threads) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, threads, cacheFolder, callOverheadRows,
                intraOpSpinning);
    }

    /** A copy with another {@link #cacheFolder}. */
    public TextEncoderOptions withCacheFolder(Path folder) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, intraOpThreads, folder, callOverheadRows,
                intraOpSpinning);
    }

    /** A copy with another {@link #callOverheadRows}; {@link Integer#MAX_VALUE} turns length grouping off. */
    public TextEncoderOptions withCallOverheadRows(int rows) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, intraOpThreads, cacheFolder, rows,
                intraOpSpinning);
    }

    /** A copy with {@link #intraOpSpinning} on or off. */
    public TextEncoderOptions withIntraOpSpinning(boolean spinning) {
        return new TextEncoderOptions(maxLength, batchSize, predictors, intraOpThreads, cacheFolder, callOverheadRows,
                spinning);
    }

    /** The planner of forward passes these options describe. */
    public LengthBatchPlanner planner() {
        return new LengthBatchPlanner(batchSize, maxLength, callOverheadRows);
    }
}
