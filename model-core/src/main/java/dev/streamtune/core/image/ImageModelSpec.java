package dev.streamtune.core.image;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link UrlImageBackbone} loads: a model URL, its format and the preprocessing its inputs need.
 *
 * @param url model URL (see {@link ModelUrl} for the accepted forms)
 * @param format ONNX or TorchScript
 * @param preprocessing target size, channels and normalisation of the model's input
 * @param remoteTimeout how long an http(s) server may take to answer the up-front check
 */
public record ImageModelSpec(String url, ImageModelFormat format, ImagePreprocessing preprocessing, Duration remoteTimeout) {

    /** Checks that no part is missing. */
    public ImageModelSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(remoteTimeout, "remoteTimeout");
    }

    /** A spec with a 10 s remote timeout. */
    public ImageModelSpec(String url, ImageModelFormat format, ImagePreprocessing preprocessing) {
        this(url, format, preprocessing, Duration.ofSeconds(10));
    }
}
