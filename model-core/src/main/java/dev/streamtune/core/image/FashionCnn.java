package dev.streamtune.core.image;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The trainable Fashion-MNIST CNN on the PyTorch engine: a feature extractor (the backbone) followed by a
 * classifier head, owned as one DJL {@link Model}. Both parts stay accessible so strategies can freeze the backbone
 * (feature extraction), unfreeze it (fine-tuning, usually with {@link SplitRateOptimizer} for a lower backbone
 * learning rate), or save it as a backbone with {@link FashionCnnStore}.
 */
public final class FashionCnn implements AutoCloseable {

    /** The engine the CNN trains on. */
    public static final String ENGINE = "PyTorch";

    private final Model model;
    private final Block features;
    private final Block head;
    private final FashionCnnArchitecture architecture;
    private final int classes;

    private FashionCnn(Model model, Block features, Block head, FashionCnnArchitecture architecture, int classes) {
        this.model = model;
        this.features = features;
        this.head = head;
        this.architecture = architecture;
        this.classes = classes;
    }

    /** A CNN with every parameter randomly initialised (He-style Xavier), seeded. */
    public static FashionCnn random(FashionCnnArchitecture architecture, int classes, long seed) {
        Model model = Model.newInstance("fashion-cnn", ENGINE);
        return assemble(model, architecture, architecture.newFeatureExtractor(), classes, seed);
    }

    /**
     * A CNN whose feature extractor carries the pretrained weights of {@code backbone} and whose new head for
     * {@code classes} classes is randomly initialised, seeded.
     *
     * @throws IOException when the weights file cannot be read
     */
    public static FashionCnn pretrained(StoredFashionCnn backbone, int classes, long seed) throws IOException {
        Model model = Model.newInstance("fashion-cnn", ENGINE);
        Block features;
        try {
            features = backbone.loadFeatures(model.getNDManager());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return assemble(model, backbone.descriptor().architecture(), features, classes, seed);
    }

    private static FashionCnn assemble(Model model, FashionCnnArchitecture architecture, Block features, int classes,
            long seed) {
        try {
            Block head = architecture.newHead(classes);
            model.setBlock(new SequentialBlock().add(features).add(head));
            Engine.getEngine(ENGINE).setRandomSeed((int) seed);
            // Parameters loaded from a backbone are already initialised and keep their values.
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, architecture.inputShape(1));
            return new FashionCnn(model, features, head, architecture, classes);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The DJL model (block = feature extractor then head); closed with this object. */
    public Model model() {
        return model;
    }

    /** The feature extractor: freeze it for feature extraction, unfreeze it to fine-tune. */
    public Block features() {
        return features;
    }

    /** The classifier head. */
    public Block head() {
        return head;
    }

    /** The architecture. */
    public FashionCnnArchitecture architecture() {
        return architecture;
    }

    /** Number of classes the head predicts. */
    public int classes() {
        return classes;
    }

    /** Freezes ({@code true}) or unfreezes the feature extractor's parameters. */
    public void freezeFeatures(boolean frozen) {
        features.freezeParameters(frozen);
    }

    /** Ids of the feature extractor's parameters, as optimizers see them. */
    public Set<String> featureParameterIds() {
        return features.getParameters().values().stream().map(Parameter::getId).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void close() {
        model.close();
    }
}
