package dev.streamtune.core.image;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A frozen image backbone from a user-supplied ONNX or TorchScript model, loaded from a {@code file:},
 * {@code jar:} or {@code http(s):} URL through DJL ({@code Criteria.optModelUrls}; ONNX Runtime for ONNX, PyTorch
 * for TorchScript). Inputs are encoded PNG/JPEG bytes, preprocessed as the {@link ImageModelSpec} says; the model's
 * first output, flattened per image, is the feature vector. Thread-safe: each call uses its own predictor.
 */
public final class UrlImageBackbone implements Backbone<byte[]> {

    private static final int MAX_BATCH = 64;

    private final ZooModel<NDList, NDList> model;
    private final ImagePreprocessor preprocessor;
    private final BackboneInfo info;

    private UrlImageBackbone(ZooModel<NDList, NDList> model, ImagePreprocessor preprocessor, BackboneInfo info) {
        this.model = model;
        this.preprocessor = preprocessor;
        this.info = info;
    }

    /**
     * Loads the model, runs one warm-up image through it to learn the feature dimension and check the input shape.
     *
     * @throws IllegalArgumentException for a malformed URL or an unsupported scheme
     * @throws ModelLoadingException when the model is missing, unreachable, unreadable, or rejects the input shape
     */
    public static UrlImageBackbone load(ImageModelSpec spec) {
        ModelUrl url = ModelUrl.parse(spec.url());
        if (url.isRemote()) {
            new HttpProbe(spec.remoteTimeout()).check(url.uri());
        } else {
            url.checkLocalPresence();
        }
        ZooModel<NDList, NDList> model;
        try {
            model = url.withDjlUrl(djlUrl -> Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelUrls(djlUrl)
                    .optEngine(spec.format().engine())
                    .optTranslator(new NoopTranslator())
                    .build()
                    .loadModel());
        } catch (Exception e) {
            throw new ModelLoadingException("cannot load " + spec.format() + " model from " + url + ": " + e, e);
        }
        try {
            ImagePreprocessor preprocessor = new ImagePreprocessor(spec.preprocessing());
            int dimension = warmUp(model, spec.preprocessing(), url);
            String sha256 = Sha256.of(modelFile(model, spec.format()));
            return new UrlImageBackbone(model, preprocessor,
                    new BackboneInfo(url.toString(), sha256, dimension, Modality.IMAGE));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e instanceof ModelLoadingException m ? m
                    : new ModelLoadingException("cannot use model from " + url + ": " + e.getMessage(), e);
        }
    }

    private static int warmUp(ZooModel<NDList, NDList> model, ImagePreprocessing pre, ModelUrl url) {
        float[] zeros = new float[pre.inputLength()];
        try {
            return run(model, zeros, 1, pre).length;
        } catch (RuntimeException e) {
            throw new ModelLoadingException("model from " + url + " does not accept a " + pre.channels() + "x"
                    + pre.height() + "x" + pre.width() + " input: " + e.getMessage(), e);
        }
    }

    /** The file the engine loaded: DJL looks for {@code <name><ext>}, {@code <folder><ext>}, then {@code model<ext>}. */
    private static Path modelFile(ZooModel<NDList, NDList> model, ImageModelFormat format) {
        Path dir = model.getModelPath();
        if (Files.isRegularFile(dir)) {
            return dir;
        }
        for (String stem : List.of(model.getName(), String.valueOf(dir.getFileName()), "model")) {
            Path candidate = dir.resolve(stem + format.extension());
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ModelLoadingException("cannot find the " + format.extension() + " file DJL loaded in " + dir);
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    @Override
    public float[][] embed(List<byte[]> inputs) {
        int length = preprocessor.settings().inputLength();
        float[][] out = new float[inputs.size()][];
        for (int start = 0; start < inputs.size(); start += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, inputs.size() - start);
            float[] batch = new float[n * length];
            for (int i = 0; i < n; i++) {
                float[] chw;
                try {
                    chw = preprocessor.toChw(inputs.get(start + i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("input " + (start + i) + ": " + e.getMessage(), e);
                }
                System.arraycopy(chw, 0, batch, i * length, length);
            }
            float[] features = run(model, batch, n, preprocessor.settings());
            FeatureRows.split(features, n, start, out);
        }
        return out;
    }

    private static float[] run(ZooModel<NDList, NDList> model, float[] batch, int n, ImagePreprocessing pre) {
        try (Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(batch, new Shape(n, pre.channels(), pre.height(), pre.width()));
            NDList output = predictor.predict(new NDList(input));
            return output.get(0).toFloatArray();
        } catch (ai.djl.translate.TranslateException e) {
            throw new IllegalStateException("backbone " + model.getName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
