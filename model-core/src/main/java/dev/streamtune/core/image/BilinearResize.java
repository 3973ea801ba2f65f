package dev.streamtune.core.image;

/**
 * Bilinear resizing of CHW float planes with the sampling grid of PyTorch's
 * {@code F.interpolate(mode="bilinear", align_corners=False)} without antialiasing, so models exported from
 * PyTorch see the inputs they were traced with.
 */
final class BilinearResize {

    private BilinearResize() {}

    /** {@code pixels} resized to {@code width x height}; the same object when the size already matches. */
    static Pixels resize(Pixels pixels, int width, int height) {
        if (pixels.width() == width && pixels.height() == height) {
            return pixels;
        }
        int inW = pixels.width();
        int inH = pixels.height();
        float[] src = pixels.data();
        float[] out = new float[pixels.channels() * width * height];
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] xl = new float[width];
        sampleGrid(inW, width, x0, x1, xl);
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        float[] yl = new float[height];
        sampleGrid(inH, height, y0, y1, yl);
        for (int c = 0; c < pixels.channels(); c++) {
            int in = c * inW * inH;
            int o = c * width * height;
            for (int y = 0; y < height; y++) {
                int r0 = in + y0[y] * inW;
                int r1 = in + y1[y] * inW;
                for (int x = 0; x < width; x++) {
                    float top = src[r0 + x0[x]] * (1 - xl[x]) + src[r0 + x1[x]] * xl[x];
                    float bottom = src[r1 + x0[x]] * (1 - xl[x]) + src[r1 + x1[x]] * xl[x];
                    out[o + y * width + x] = top * (1 - yl[y]) + bottom * yl[y];
                }
            }
        }
        return new Pixels(width, height, pixels.channels(), out);
    }

    private static void sampleGrid(int in, int out, int[] lo, int[] hi, float[] lambda) {
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            float src = Math.max(scale * (i + 0.5f) - 0.5f, 0f);
            lo[i] = Math.min((int) src, in - 1);
            hi[i] = Math.min(lo[i] + 1, in - 1);
            lambda[i] = src - lo[i];
        }
    }
}
