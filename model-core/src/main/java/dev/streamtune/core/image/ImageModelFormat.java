package dev.streamtune.core.image;

/** Serialized image-model formats a {@link UrlImageBackbone} loads, with the DJL engine that runs each. */
public enum ImageModelFormat {
    /** An ONNX graph ({@code .onnx}), run by ONNX Runtime. */
    ONNX("OnnxRuntime", ".onnx"),
    /** A TorchScript module ({@code .pt}), run by PyTorch. */
    TORCHSCRIPT("PyTorch", ".pt");

    private final String engine;
    private final String extension;

    ImageModelFormat(String engine, String extension) {
        this.engine = engine;
        this.extension = extension;
    }

    /** DJL engine name. */
    public String engine() {
        return engine;
    }

    /** File extension of a model file, with the dot. */
    public String extension() {
        return extension;
    }
}
