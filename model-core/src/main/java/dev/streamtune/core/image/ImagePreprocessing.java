package dev.streamtune.core.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * How an image becomes a model input: target size, channel count and per-channel normalisation
 * {@code (x - mean) / std} applied to pixel values scaled to [0, 1].
 *
 * @param width target width in pixels
 * @param height target height in pixels
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param mean per-channel mean, one value per channel
 * @param std per-channel standard deviation, one positive value per channel
 */
public record ImagePreprocessing(int width, int height, int channels, float[] mean, float[] std) {

    /** Fashion-MNIST: 28x28 grayscale, normalised with the training split's pixel mean and deviation. */
    public static final ImagePreprocessing FASHION_MNIST =
            new ImagePreprocessing(28, 28, 1, new float[] {0.2860f}, new float[] {0.3530f});

    /** Validates the settings; a bad value is named in the message. */
    @JsonCreator
    public ImagePreprocessing(
            @JsonProperty("width") int width,
            @JsonProperty("height") int height,
            @JsonProperty("channels") int channels,
            @JsonProperty("mean") float[] mean,
            @JsonProperty("std") float[] std) {
        if (width <= 0 || height <= 0 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("target size must be 1..4096, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (mean == null || mean.length != channels || std == null || std.length != channels) {
            throw new IllegalArgumentException("mean and std need one value per channel (" + channels + "), got mean="
                    + Arrays.toString(mean) + " std=" + Arrays.toString(std));
        }
        for (int c = 0; c < channels; c++) {
            if (!Float.isFinite(mean[c])) {
                throw new IllegalArgumentException("mean[" + c + "] must be finite, got " + mean[c]);
            }
            if (!(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("std[" + c + "] must be positive and finite, got " + std[c]);
            }
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The per-channel means (a copy). */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** The per-channel deviations (a copy). */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** Length of the flattened CHW input: {@code channels * height * width}. */
    public int inputLength() {
        return channels * height * width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImagePreprocessing p && p.width == width && p.height == height && p.channels == channels
                && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + channels) + 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ImagePreprocessing[" + width + "x" + height + "x" + channels + ", mean=" + Arrays.toString(mean)
                + ", std=" + Arrays.toString(std) + "]";
    }
}
