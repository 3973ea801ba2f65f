package dev.streamtune.core.bert;

import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.head.FloatTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dimensions of a BERT encoder and the Hugging Face names and shapes of its parameters.
 *
 * @param vocabSize word-piece vocabulary size
 * @param maxPositions position embeddings (longest input in tokens)
 * @param typeVocabSize token-type (segment) embeddings
 * @param hidden hidden size
 * @param layers transformer layers
 * @param heads attention heads; {@code hidden} must be a multiple
 * @param intermediate feed-forward inner size
 * @param layerNormEps epsilon of every LayerNorm
 */
public record BertConfig(int vocabSize, int maxPositions, int typeVocabSize, int hidden, int layers, int heads,
        int intermediate, float layerNormEps) {

    /** sentence-transformers/all-MiniLM-L6-v2. */
    public static final BertConfig MINILM_L6 = new BertConfig(30522, 512, 2, 384, 6, 12, 1536, 1e-12f);

    /** Name of the int64 position-id buffer the ONNX export carries next to the weights. */
    public static final String POSITION_IDS = "embeddings.position_ids";

    public BertConfig {
        if (vocabSize < 1 || maxPositions < 1 || typeVocabSize < 1 || hidden < 1 || layers < 1 || heads < 1
                || intermediate < 1) {
            throw new IllegalArgumentException("every BERT dimension must be positive");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
    }

    /** Size of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    /** Prefix of layer {@code index}'s parameter names, e.g. {@code encoder.layer.3.}. */
    public static String layerPrefix(int index) {
        return "encoder.layer." + index + ".";
    }

    /**
     * Every tensor of the exported encoder by Hugging Face name, with its shape ({@code Linear} weights as
     * {@code [out, in]}), in model order: embeddings, then layer by layer.
     */
    public Map<String, int[]> expectedShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(POSITION_IDS, new int[] {1, maxPositions});
        shapes.put("embeddings.word_embeddings.weight", new int[] {vocabSize, hidden});
        shapes.put("embeddings.position_embeddings.weight", new int[] {maxPositions, hidden});
        shapes.put("embeddings.token_type_embeddings.weight", new int[] {typeVocabSize, hidden});
        shapes.put("embeddings.LayerNorm.weight", new int[] {hidden});
        shapes.put("embeddings.LayerNorm.bias", new int[] {hidden});
        for (int i = 0; i < layers; i++) {
            shapes.putAll(layerShapes(i));
        }
        return shapes;
    }

    /**
     * Checks that {@code tensors} hold every {@link #expectedShapes() expected} tensor with its shape (extra
     * tensors are allowed).
     *
     * @param source what the tensors came from, for the message
     * @throws IllegalArgumentException naming the first missing or misshapen tensor
     */
    public void checkComplete(Map<String, FloatTensor> tensors, String source) {
        expectedShapes().forEach((name, shape) -> checkShape(tensors, name, shape, source));
    }

    /**
     * Checks that {@code tensors} hold {@code name} with {@code shape}.
     *
     * @throws IllegalArgumentException when it is missing or has another shape
     */
    public static void checkShape(Map<String, FloatTensor> tensors, String name, int[] shape, String source) {
        FloatTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException(source + " has no tensor " + name);
        }
        if (!Arrays.equals(tensor.shape(), shape)) {
            throw new IllegalArgumentException(source + ": tensor " + name + " has shape "
                    + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(shape));
        }
    }

    /** The tensors of layer {@code index} by name with their shapes. */
    public Map<String, int[]> layerShapes(int index) {
        String p = layerPrefix(index);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (String projection : new String[] {"query", "key", "value"}) {
            linear(shapes, p + "attention.self." + projection, hidden, hidden);
        }
        linear(shapes, p + "attention.output.dense", hidden, hidden);
        layerNorm(shapes, p + "attention.output.LayerNorm");
        linear(shapes, p + "intermediate.dense", hidden, intermediate);
        linear(shapes, p + "output.dense", intermediate, hidden);
        layerNorm(shapes, p + "output.LayerNorm");
        return shapes;
    }

    /** {@code dims} as a DJL shape. */
    static Shape shapeOf(int[] dims) {
        return new Shape(Arrays.stream(dims).asLongStream().toArray());
    }

    private static void linear(Map<String, int[]> shapes, String name, int in, int out) {
        shapes.put(name + ".weight", new int[] {out, in});
        shapes.put(name + ".bias", new int[] {out});
    }

    private void layerNorm(Map<String, int[]> shapes, String name) {
        shapes.put(name + ".weight", new int[] {hidden});
        shapes.put(name + ".bias", new int[] {hidden});
    }
}
