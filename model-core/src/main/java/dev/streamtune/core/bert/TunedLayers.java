package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top layers of an encoder as a {@link FineTuneStrategy} trains them, from its first trained layer up: copies
 * of the pretrained layers whose parameters require a gradient ({@code fine-tune}), or the pretrained layers with
 * LoRA adapters on their target projections ({@code lora}); none for feature extraction.
 *
 * <p>The trainable arrays live on the owner's manager; the frozen ones stay the base encoder's.
 */
final class TunedLayers {

    private final int first;
    private final List<BertLayer> layers;
    private final Map<String, NDArray> parameters;

    private TunedLayers(int first, List<BertLayer> layers, Map<String, NDArray> parameters) {
        this.first = first;
        this.layers = List.copyOf(layers);
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Fresh trainable layers: pretrained copies, or adapters with {@code A} random and {@code B} zero. */
    static TunedLayers create(MiniLmEncoder base, FineTuneStrategy strategy, NDManager manager, SplitMix64 random) {
        return build(base, strategy, manager, (name, shape) -> {
            if (name.endsWith(LoraProjection.A)) {
                return kaimingUniform(shape, random);
            }
            if (name.endsWith(LoraProjection.B)) {
                return new float[shape[0] * shape[1]];
            }
            return base.parameters().get(name).toFloatArray();
        });
    }

    /** Trainable layers with the values of {@code tensors} (as {@link #parameters()} exported them). */
    static TunedLayers restore(MiniLmEncoder base, FineTuneStrategy strategy, NDManager manager,
            Map<String, FloatTensor> tensors) {
        return build(base, strategy, manager, (name, shape) -> {
            BertConfig.checkShape(tensors, name, shape, "weights for " + strategy.label());
            return tensors.get(name).data();
        });
    }

    /** Names and shapes of the trainable encoder tensors of {@code strategy}, in layer order. */
    static Map<String, int[]> trainableShapes(BertConfig config, FineTuneStrategy strategy) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (int i = strategy.firstTrainedLayer(config); i < config.layers(); i++) {
            Map<String, int[]> layer = config.layerShapes(i);
            if (strategy.kind() == Strategy.FINE_TUNE) {
                shapes.putAll(layer);
            } else if (strategy.kind() == Strategy.LORA) {
                for (String target : strategy.targets()) {
                    String module = BertConfig.layerPrefix(i) + target;
                    int[] weight = layer.get(module + ".weight");
                    shapes.put(module + LoraProjection.A, new int[] {strategy.rank(), weight[1]});
                    shapes.put(module + LoraProjection.B, new int[] {weight[0], strategy.rank()});
                }
            }
        }
        return shapes;
    }

    /** Index of the first tuned layer; layers below are frozen. */
    int first() {
        return first;
    }

    /** The trainable encoder arrays by name (layer copies or adapters); empty for feature extraction. */
    Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Runs the tuned layers over the frozen layers' output. */
    NDArray forward(NDArray hidden, NDArray attentionBias) {
        NDArray h = hidden;
        for (BertLayer layer : layers) {
            h = layer.forward(h, attentionBias);
        }
        return h;
    }

    private interface Initializer {
        float[] values(String name, int[] shape);
    }

    private static TunedLayers build(MiniLmEncoder base, FineTuneStrategy strategy, NDManager manager,
            Initializer init) {
        BertConfig config = base.config();
        int first = strategy.firstTrainedLayer(config);
        Map<String, NDArray> trainable = new LinkedHashMap<>();
        trainableShapes(config, strategy).forEach((name, shape) -> {
            NDArray array = manager.create(init.values(name, shape), BertConfig.shapeOf(shape));
            array.setName(name);
            array.setRequiresGradient(true);
            trainable.put(name, array);
        });
        List<BertLayer> layers = new ArrayList<>();
        for (int i = first; i < config.layers(); i++) {
            if (strategy.kind() == Strategy.FINE_TUNE) {
                layers.add(BertLayer.of(i, config, trainable, (module, dense) -> dense));
            } else {
                String prefix = BertConfig.layerPrefix(i);
                layers.add(BertLayer.of(i, config, base.parameters(), (module, dense) ->
                        strategy.targets().contains(module)
                                ? new LoraProjection(dense, trainable.get(prefix + module + LoraProjection.A),
                                        trainable.get(prefix + module + LoraProjection.B), strategy.loraScale())
                                : dense));
            }
        }
        return new TunedLayers(first, layers, trainable);
    }

    /** PyTorch's {@code kaiming_uniform_(a=√5)} as PEFT initialises {@code lora_A}: U(-1/√in, 1/√in). */
    private static float[] kaimingUniform(int[] shape, SplitMix64 random) {
        float bound = (float) (1.0 / Math.sqrt(shape[1]));
        float[] values = new float[shape[0] * shape[1]];
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * bound;
        }
        return values;
    }
}
