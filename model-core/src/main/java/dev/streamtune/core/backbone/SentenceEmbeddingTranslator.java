package dev.streamtune.core.backbone;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * DJL translator for BERT-family sentence encoders: a batch of tokenizer encodings (already padded to one length)
 * in, one unit-length sentence vector per encoding out.
 *
 * <p>The inputs are named NDArrays {@code input_ids}, {@code attention_mask} and {@code token_type_ids}; only the
 * ones the model declares are passed. The output used is {@code last_hidden_state} (or the model's first output):
 * token vectors {@code [batch, seq, dim]} are mean-pooled with the attention mask, a pooled {@code [batch, dim]}
 * output is used as it is; both are L2-normalised. Stateless, so one instance serves every predictor.
 */
final class SentenceEmbeddingTranslator implements NoBatchifyTranslator<Encoding[], float[][]> {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String HIDDEN_STATE = "last_hidden_state";

    private static final String MASK_KEY = "mask";

    @Override
    public NDList processInput(TranslatorContext ctx, Encoding[] encodings) {
        TokenBatch tokens = TokenBatch.of(encodings);
        ctx.setAttachment(MASK_KEY, tokens.mask());
        List<String> declared = ctx.getModel().getBlock().describeInput().keys();
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(tokens.shape());
        NDList inputs = new NDList(3);
        inputs.add(named(manager.create(tokens.ids(), shape), INPUT_IDS));
        inputs.add(named(manager.create(tokens.mask(), shape), ATTENTION_MASK));
        if (declared.contains(TOKEN_TYPE_IDS)) {
            inputs.add(named(manager.create(tokens.types(), shape), TOKEN_TYPE_IDS));
        }
        return inputs;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray hidden = outputs.contains(HIDDEN_STATE) ? outputs.get(HIDDEN_STATE) : outputs.head();
        long[] mask = (long[]) ctx.getAttachment(MASK_KEY);
        Shape shape = hidden.getShape();
        if (hidden.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("model output " + hidden.getName() + " is " + hidden.getDataType()
                    + "; a sentence encoder must return float32");
        }
        FloatBuffer values = hidden.toByteBuffer().asFloatBuffer();
        if (shape.dimension() == 3) {
            return MeanPooling.poolAndNormalize(
                    values, mask, (int) shape.get(0), (int) shape.get(1), (int) shape.get(2));
        }
        if (shape.dimension() == 2) {
            int batch = (int) shape.get(0);
            long[] one = new long[batch];
            Arrays.fill(one, 1);
            return MeanPooling.poolAndNormalize(values, one, batch, 1, (int) shape.get(1));
        }
        throw new IllegalStateException("model output " + hidden.getName() + " has shape " + shape
                + "; a sentence encoder returns [batch, seq, dim] or [batch, dim]");
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }
}
