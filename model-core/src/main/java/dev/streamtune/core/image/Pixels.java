package dev.streamtune.core.image;

/**
 * A decoded image as float planes in channel-first (CHW) order.
 *
 * @param width columns
 * @param height rows
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param data {@code channels * height * width} values, plane after plane
 */
public record Pixels(int width, int height, int channels, float[] data) {

    /** Validates the dimensions against the data length. */
    public Pixels {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " values for " + channels
                    + "x" + height + "x" + width + ", got " + data.length);
        }
    }

    /** Number of values in one channel plane. */
    public int planeSize() {
        return width * height;
    }
}
