package dev.streamtune.core.bert;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.backbone.BackboneLoadException;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.SentenceEncoderLoader;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.backbone.TokenBatch;
import dev.streamtune.core.head.FloatTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pretrained all-MiniLM-L6-v2 as a BERT encoder written with DJL NDArray ops on the PyTorch engine, loaded
 * from the ONNX model's initializers, with its tokenizer: the frozen base that fine-tuning strategies build on.
 * It reproduces ONNX Runtime's {@code last_hidden_state}.
 *
 * <p>Its parameters never require a gradient and are never changed: a trainable model copies the layers it
 * trains, or wraps them with adapters. One encoder can therefore be shared by many models. Forward passes are
 * thread-safe (each call's arrays live on the caller's manager). {@link #close()} frees the weights; close it
 * after every model built on it.
 */
public final class MiniLmEncoder implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final BertConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final long[] positionIds;
    private final LayerNormParams embeddingNorm;
    private final List<BertLayer> layers;
    private final HuggingFaceTokenizer tokenizer;

    private MiniLmEncoder(BertConfig config, NDManager manager, Map<String, NDArray> parameters, long[] positionIds,
            HuggingFaceTokenizer tokenizer) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.positionIds = positionIds;
        this.tokenizer = tokenizer;
        this.embeddingNorm = new LayerNormParams(parameters.get("embeddings.LayerNorm.weight"),
                parameters.get("embeddings.LayerNorm.bias"), config.layerNormEps());
        List<BertLayer> built = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            built.add(BertLayer.of(i, config, parameters, (module, dense) -> dense));
        }
        this.layers = List.copyOf(built);
    }

    /**
     * Opens the built-in all-MiniLM-L6-v2: its ONNX file and tokenizer come from the backbone package's verified
     * cache ({@link SentenceEncoderLoader#builtInFolder()}); texts are truncated to {@code options.maxLength()}.
     *
     * @throws BackboneLoadException when the files cannot be prepared or read
     */
    public static MiniLmEncoder openBuiltIn(TextEncoderOptions options) {
        Path folder = new SentenceEncoderLoader(options).builtInFolder();
        HuggingFaceTokenizer tokenizer = null;
        try {
            Map<String, FloatTensor> tensors =
                    OnnxInitializers.read(folder.resolve(SentenceEncoderLoader.ONNX_RESOURCE));
            tokenizer = SentenceEncoderLoader.newTokenizer(folder.resolve(SentenceEncoderLoader.TOKENIZER_FILE),
                    options.maxLength());
            return load(tensors, BertConfig.MINILM_L6, tokenizer);
        } catch (IOException | RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new BackboneLoadException("cannot open " + MiniLmBackbone.ID + " as a DJL encoder from " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * An encoder with the weights {@code tensors} (checked against {@code config}) and {@code tokenizer}, which
     * it then owns.
     *
     * @throws IllegalArgumentException naming a missing or misshapen tensor, or position ids out of range
     */
    public static MiniLmEncoder load(Map<String, FloatTensor> tensors, BertConfig config,
            HuggingFaceTokenizer tokenizer) {
        config.checkComplete(tensors, "encoder weights");
        long[] positionIds = positionIds(tensors.get(BertConfig.POSITION_IDS), config);
        NDManager manager = Engine.getEngine(ENGINE).newBaseManager();
        try {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            config.expectedShapes().forEach((name, shape) -> {
                if (!name.equals(BertConfig.POSITION_IDS)) {
                    NDArray array = manager.create(tensors.get(name).data(), BertConfig.shapeOf(shape));
                    array.setName(name);
                    parameters.put(name, array);
                }
            });
            return new MiniLmEncoder(config, manager, parameters, positionIds, Objects.requireNonNull(tokenizer));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Identity of the built-in encoder's weights: the same id, SHA-256 and sentence-vector size as the
     * {@code minilm-l6-v2} feature-extraction backbone, since both read the same verified ONNX file.
     */
    public static BackboneInfo builtInInfo() {
        return new BackboneInfo(MiniLmBackbone.ID, SentenceEncoderLoader.ONNX_SHA256, BertConfig.MINILM_L6.hidden(),
                Modality.TEXT);
    }

    /** The encoder's dimensions. */
    public BertConfig config() {
        return config;
    }

    /** The pretrained (frozen) parameter arrays by Hugging Face name. Never modify them. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** A manager for a model built on this encoder: it is closed with the encoder at the latest. */
    NDManager newModelManager() {
        return manager.newSubManager();
    }

    /** Pretrained layer {@code index}. */
    public BertLayer layer(int index) {
        return layers.get(index);
    }

    /** Token ids of {@code texts}, truncated to the max length and padded to the longest. */
    public TokenBatch tokenize(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(
                        "text at index " + i + " is " + (text == null ? "null" : "empty or blank"));
            }
        }
        return TokenBatch.of(tokenizer.batchEncode(texts));
    }

    /** Embedding output (word + position + token type, LayerNorm): {@code [batch, seq, hidden]} on {@code on}. */
    public NDArray embed(NDManager on, TokenBatch batch) {
        if (batch.seq() > positionIds.length) {
            throw new IllegalArgumentException("batch has " + batch.seq() + " tokens per row, the encoder at most "
                    + positionIds.length);
        }
        Shape shape = new Shape(batch.batch(), batch.seq());
        long[] positions = new long[batch.batch() * batch.seq()];
        for (int b = 0; b < batch.batch(); b++) {
            System.arraycopy(positionIds, 0, positions, b * batch.seq(), batch.seq());
        }
        NDArray words = lookup(on.create(batch.ids(), shape), "embeddings.word_embeddings.weight");
        NDArray types = lookup(on.create(batch.types(), shape), "embeddings.token_type_embeddings.weight");
        NDArray places = lookup(on.create(positions, shape), "embeddings.position_embeddings.weight");
        return embeddingNorm.apply(words.addi(types).addi(places));
    }

    /** Runs pretrained layers {@code from} (inclusive) to {@code to} (exclusive) over {@code hidden}. */
    public NDArray run(NDArray hidden, NDArray attentionBias, int from, int to) {
        if (from < 0 || to > layers.size() || from > to) {
            throw new IllegalArgumentException("layer range " + from + ".." + to + " is outside 0.." + layers.size());
        }
        NDArray h = hidden;
        for (int i = from; i < to; i++) {
            h = layers.get(i).forward(h, attentionBias);
        }
        return h;
    }

    /** The token vectors of the last layer for {@code batch}, computed without gradients, on {@code on}. */
    public NDArray lastHiddenState(NDManager on, TokenBatch batch) {
        try (Autograd.Guard noGrad = Autograd.noGrad()) {
            return run(embed(on, batch), TokenMasks.attentionBias(on, batch), 0, layers.size());
        }
    }

    private NDArray lookup(NDArray ids, String table) {
        return Embedding.embedding(ids, parameters.get(table), SparseFormat.DENSE).singletonOrThrow();
    }

    private static long[] positionIds(FloatTensor tensor, BertConfig config) {
        float[] values = tensor.data();
        long[] ids = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= config.maxPositions()) {
                throw new IllegalArgumentException(BertConfig.POSITION_IDS + " holds " + values[i] + " at " + i
                        + ", outside 0.." + (config.maxPositions() - 1));
            }
            ids[i] = (long) values[i];
        }
        return ids;
    }

    @Override
    public void close() {
        try (manager; tokenizer) {
            // closes the tokenizer, then the weights
        }
    }
}
