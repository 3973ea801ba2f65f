package dev.streamtune.core.backbone;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A frozen BERT-family sentence encoder on DJL's ONNX Runtime engine: the built-in all-MiniLM-L6-v2
 * ({@link #open}), or a compatible ONNX model with its {@code tokenizer.json} from a URL
 * ({@link SentenceEncoderLoader}).
 *
 * <p>Pipeline: Hugging Face tokenizer (truncation to {@link TextEncoderOptions#maxLength()} tokens, padding to the
 * longest text of the batch), the ONNX graph, mean pooling over the attention mask, L2 normalisation.
 * {@link #embed} groups its input by length into forward passes of at most {@link TextEncoderOptions#batchSize()}
 * texts ({@link LengthBatchPlanner}), so that short texts are not padded to the length of long ones.
 *
 * <p>Thread-safe: the tokenizer and the ONNX Runtime session are shared (both allow concurrent calls); DJL
 * predictors are not thread-safe, so each batch borrows one from a pool of {@link TextEncoderOptions#predictors()}
 * and concurrent callers beyond that wait. {@link #close()} releases everything; call it after in-flight calls end.
 */
public final class MiniLmBackbone implements Backbone<String> {

    /** Id of the built-in model. */
    public static final String ID = "minilm-l6-v2";
    /** Vector length of the built-in model. */
    public static final int DIMENSION = 384;

    private final BackboneInfo info;
    private final ZooModel<Encoding[], float[][]> model;
    private final HuggingFaceTokenizer tokenizer;
    private final PredictorPool<Encoding[], float[][]> predictors;
    private final LengthBatchPlanner planner;
    private final AtomicBoolean closed = new AtomicBoolean();

    MiniLmBackbone(BackboneInfo info, ZooModel<Encoding[], float[][]> model, HuggingFaceTokenizer tokenizer,
            TextEncoderOptions options) {
        this.info = info;
        this.model = model;
        this.tokenizer = tokenizer;
        this.planner = options.planner();
        this.predictors = new PredictorPool<>(model, options.predictors());
    }

    /** Opens the built-in all-MiniLM-L6-v2 with default options. */
    public static MiniLmBackbone open() {
        return open(TextEncoderOptions.defaults());
    }

    /** Opens the built-in all-MiniLM-L6-v2, extracting its files to the cache folder on first use. */
    public static MiniLmBackbone open(TextEncoderOptions options) {
        return new SentenceEncoderLoader(options).loadBuiltIn();
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    /**
     * Unit-length sentence vectors, one per text, in input order.
     *
     * @throws IllegalArgumentException when a text is null, empty or blank (the message names its index); no
     *     text is embedded then
     * @throws IllegalStateException when the backbone is closed or the model fails
     */
    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                String problem = text == null ? "null" : "empty or blank";
                throw new IllegalArgumentException("text at index " + i + " is " + problem);
            }
        }
        if (closed.get()) {
            throw new IllegalStateException("backbone " + info.id() + " is closed");
        }
        float[][] out = new float[texts.size()][];
        for (int[] pass : planner.plan(texts)) {
            List<String> batch = new ArrayList<>(pass.length);
            for (int index : pass) {
                batch.add(texts.get(index));
            }
            float[][] vectors = embedBatch(batch, pass);
            for (int k = 0; k < pass.length; k++) {
                out[pass[k]] = vectors[k];
            }
        }
        return out;
    }

    private float[][] embedBatch(List<String> batch, int[] indices) {
        Encoding[] encodings = tokenizer.batchEncode(batch);
        float[][] vectors;
        try {
            vectors = predictors.predict(encodings);
        } catch (TranslateException e) {
            throw new IllegalStateException("backbone " + info.id() + " failed on a batch of " + batch.size()
                    + " texts (indices " + Arrays.toString(indices) + ")", e);
        }
        for (int i = 0; i < vectors.length; i++) {
            for (float v : vectors[i]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException("backbone " + info.id() + " produced " + v
                            + " for the text at index " + indices[i]);
                }
            }
        }
        return vectors;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try (model; tokenizer; predictors) {
                // closes predictors, then tokenizer, then model
            }
        }
    }
}
