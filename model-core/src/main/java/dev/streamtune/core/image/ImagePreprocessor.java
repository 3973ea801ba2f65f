package dev.streamtune.core.image;

/**
 * Turns images into model inputs as {@link ImagePreprocessing} describes: decode, convert channels (grayscale is
 * replicated to RGB; RGB becomes luminance {@code 0.299 R + 0.587 G + 0.114 B}), resize bilinearly to the target
 * size, normalise per channel, and return a flat CHW float array. Stateless and thread-safe.
 */
public final class ImagePreprocessor {

    private final ImagePreprocessing settings;

    /** A preprocessor for {@code settings}. */
    public ImagePreprocessor(ImagePreprocessing settings) {
        this.settings = settings;
    }

    /** The settings this preprocessor applies. */
    public ImagePreprocessing settings() {
        return settings;
    }

    /**
     * Encoded PNG/JPEG bytes to a normalised CHW array of length {@link ImagePreprocessing#inputLength()}.
     *
     * @throws IllegalArgumentException when the bytes cannot be decoded
     */
    public float[] toChw(byte[] encoded) {
        return toChw(ImageDecoder.decode(encoded));
    }

    /** Decoded pixels (values in [0, 1]) to a normalised CHW array. */
    public float[] toChw(Pixels pixels) {
        Pixels converted = convertChannels(pixels, settings.channels());
        Pixels resized = BilinearResize.resize(converted, settings.width(), settings.height());
        return normalise(resized.data());
    }

    /**
     * 8-bit grayscale pixels already at the target size (for example a Fashion-MNIST image) to a normalised CHW
     * array, without decoding.
     *
     * @throws IllegalArgumentException when the preprocessing is not 1-channel or the size differs
     */
    public float[] fromGrayBytes(byte[] gray, int offset) {
        if (settings.channels() != 1) {
            throw new IllegalArgumentException("raw grayscale input needs 1-channel preprocessing, not " + settings);
        }
        int n = settings.width() * settings.height();
        if (offset < 0 || offset + n > gray.length) {
            throw new IllegalArgumentException("need " + n + " pixels at offset " + offset + ", have " + gray.length);
        }
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (gray[offset + i] & 0xFF) / 255f;
        }
        return normalise(data);
    }

    private float[] normalise(float[] chw) {
        float[] mean = settings.mean();
        float[] std = settings.std();
        int plane = settings.width() * settings.height();
        for (int c = 0; c < settings.channels(); c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                chw[i] = (chw[i] - mean[c]) / std[c];
            }
        }
        return chw;
    }

    static Pixels convertChannels(Pixels pixels, int channels) {
        if (pixels.channels() == channels) {
            return pixels;
        }
        int plane = pixels.planeSize();
        float[] src = pixels.data();
        float[] out = new float[channels * plane];
        if (channels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(src, 0, out, c * plane, plane);
            }
        } else {
            for (int i = 0; i < plane; i++) {
                out[i] = 0.299f * src[i] + 0.587f * src[plane + i] + 0.114f * src[2 * plane + i];
            }
        }
        return new Pixels(pixels.width(), pixels.height(), channels, out);
    }
}
