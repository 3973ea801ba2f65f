package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.HashMap;
import java.util.Map;

/**
 * One transformer layer of a (post-LayerNorm) BERT encoder, as Hugging Face's {@code BertLayer}: multi-head
 * self-attention with an additive attention bias, output projection + residual + LayerNorm, then a GELU (erf)
 * feed-forward block + residual + LayerNorm.
 *
 * <p>Stateless apart from its parameters; what is trainable depends only on which parameter arrays require a
 * gradient and on the projections (plain or with adapters) it was built with.
 */
public final class BertLayer {

    private final int heads;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final Projection attentionOutput;
    private final LayerNormParams attentionNorm;
    private final Projection intermediate;
    private final Projection output;
    private final LayerNormParams outputNorm;

    private BertLayer(int heads, Map<String, Projection> projections, LayerNormParams attentionNorm,
            LayerNormParams outputNorm) {
        this.heads = heads;
        this.query = projections.get(Projection.QUERY);
        this.key = projections.get(Projection.KEY);
        this.value = projections.get(Projection.VALUE);
        this.attentionOutput = projections.get(Projection.ATTENTION_OUTPUT);
        this.intermediate = projections.get(Projection.INTERMEDIATE);
        this.output = projections.get(Projection.OUTPUT);
        this.attentionNorm = attentionNorm;
        this.outputNorm = outputNorm;
    }

    /** Wraps or replaces one plain projection of a layer being built. */
    @FunctionalInterface
    public interface ProjectionFactory {
        /** The projection to use for {@code module} (e.g. {@link Projection#QUERY}) given its plain one. */
        Projection projection(String module, DenseProjection dense);
    }

    /**
     * Layer {@code index} from parameter arrays named as in Hugging Face ({@code encoder.layer.N....}).
     *
     * @param parameters arrays by full name; the six projections and two LayerNorms of the layer must be present
     * @param factory decides each projection (identity for a plain layer, adapters for LoRA)
     */
    public static BertLayer of(int index, BertConfig config, Map<String, NDArray> parameters,
            ProjectionFactory factory) {
        String prefix = BertConfig.layerPrefix(index);
        Map<String, Projection> projections = new HashMap<>();
        for (String module : new String[] {Projection.QUERY, Projection.KEY, Projection.VALUE,
                Projection.ATTENTION_OUTPUT, Projection.INTERMEDIATE, Projection.OUTPUT}) {
            DenseProjection dense = new DenseProjection(
                    require(parameters, prefix + module + ".weight"), require(parameters, prefix + module + ".bias"));
            projections.put(module, factory.projection(module, dense));
        }
        return new BertLayer(config.heads(), projections,
                layerNorm(parameters, prefix + "attention.output.LayerNorm", config),
                layerNorm(parameters, prefix + "output.LayerNorm", config));
    }

    /**
     * The layer applied to {@code hidden} {@code [batch, seq, dim]}.
     *
     * @param attentionBias {@code [batch, 1, 1, seq]}: 0 for tokens to attend to, a large negative for padding
     */
    public NDArray forward(NDArray hidden, NDArray attentionBias) {
        Shape shape = hidden.getShape();
        long batch = shape.get(0);
        long seq = shape.get(1);
        long dim = shape.get(2);
        NDArray q = splitHeads(query.apply(hidden), batch, seq, dim);
        NDArray k = splitHeads(key.apply(hidden), batch, seq, dim);
        NDArray v = splitHeads(value.apply(hidden), batch, seq, dim);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2))
                .divi((float) Math.sqrt((double) dim / heads))
                .addi(attentionBias);
        NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, seq, dim);
        NDArray attended = attentionNorm.apply(attentionOutput.apply(context).addi(hidden));
        NDArray inner = Activation.gelu(intermediate.apply(attended));
        return outputNorm.apply(output.apply(inner).addi(attended));
    }

    private NDArray splitHeads(NDArray x, long batch, long seq, long dim) {
        return x.reshape(batch, seq, heads, dim / heads).transpose(0, 2, 1, 3);
    }

    private static LayerNormParams layerNorm(Map<String, NDArray> parameters, String name, BertConfig config) {
        return new LayerNormParams(require(parameters, name + ".weight"), require(parameters, name + ".bias"),
                config.layerNormEps());
    }

    static NDArray require(Map<String, NDArray> parameters, String name) {
        NDArray array = parameters.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return array;
    }
}
