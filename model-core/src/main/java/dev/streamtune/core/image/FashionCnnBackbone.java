package dev.streamtune.core.image;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The pretrained Fashion-CNN feature extractor as a frozen {@link Backbone} over encoded PNG/JPEG images (resized to
 * 28x28 grayscale and normalised as its descriptor says). Its id is {@value #ID}; a backbone registry maps that id
 * to {@link #open(Path)} on {@link FashionCnnStore#DEFAULT_DIRECTORY}. Thread-safe for embedding.
 */
public final class FashionCnnBackbone implements Backbone<byte[]> {

    /** The registry id of this backbone. */
    public static final String ID = "fashion-cnn";

    private static final int BATCH = 256;

    private final Model model;
    private final Block features;
    private final ImagePreprocessor preprocessor;
    private final BackboneInfo info;

    private FashionCnnBackbone(Model model, Block features, ImagePreprocessor preprocessor, BackboneInfo info) {
        this.model = model;
        this.features = features;
        this.preprocessor = preprocessor;
        this.info = info;
    }

    /**
     * Loads and verifies the backbone saved in {@code directory}.
     *
     * @throws ModelLoadingException when it is missing or does not verify
     */
    public static FashionCnnBackbone open(Path directory) throws IOException {
        return open(FashionCnnStore.load(directory));
    }

    /** Loads the weights of an already verified stored backbone. */
    public static FashionCnnBackbone open(StoredFashionCnn stored) throws IOException {
        Model model = Model.newInstance(ID, FashionCnn.ENGINE);
        try {
            Block features = stored.loadFeatures(model.getNDManager());
            model.setBlock(features);
            FashionCnnDescriptor d = stored.descriptor();
            return new FashionCnnBackbone(model, features, new ImagePreprocessor(d.preprocessing()),
                    new BackboneInfo(ID, d.sha256(), d.dimension(), Modality.IMAGE));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    /** The preprocessing inputs get; use it to build {@link #embed(TensorSet)} inputs. */
    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    @Override
    public float[][] embed(List<byte[]> inputs) {
        int length = preprocessor.settings().inputLength();
        float[] data = new float[inputs.size() * length];
        for (int i = 0; i < inputs.size(); i++) {
            try {
                System.arraycopy(preprocessor.toChw(inputs.get(i)), 0, data, i * length, length);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("input " + i + ": " + e.getMessage(), e);
            }
        }
        ImagePreprocessing p = preprocessor.settings();
        return embed(new TensorSet(data, new int[inputs.size()],
                new Shape(p.channels(), p.height(), p.width())));
    }

    /** Features of already preprocessed images (labels are ignored), one row per image. */
    public float[][] embed(TensorSet preprocessed) {
        return BlockInference.outputs(model, features, preprocessed, BATCH);
    }

    @Override
    public void close() {
        model.close();
    }
}
