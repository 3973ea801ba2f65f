package dev.streamtune.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Decodes encoded image bytes (PNG, JPEG, anything ImageIO reads) into {@link Pixels} scaled to [0, 1], keeping
 * the image's own channel count: grayscale images give 1 channel, everything else 3 (RGB, alpha ignored).
 *
 * <p>Grayscale samples are read from the raster, not through {@code getRGB}, which would apply a gamma conversion
 * and change the values.
 */
public final class ImageDecoder {

    private ImageDecoder() {}

    /**
     * Decodes {@code encoded}.
     *
     * @throws IllegalArgumentException when the bytes are empty or not an image ImageIO can decode
     */
    public static Pixels decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("image bytes are empty");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot decode image (" + describe(encoded) + "): " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("cannot decode image: not a PNG, JPEG or other ImageIO format ("
                    + describe(encoded) + ")");
        }
        return isGray(image) ? grayPlane(image) : rgbPlanes(image);
    }

    private static boolean isGray(BufferedImage image) {
        return image.getRaster().getNumBands() == 1 && !(image.getColorModel() instanceof IndexColorModel);
    }

    private static Pixels grayPlane(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        float max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        float[] data = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                data[y * w + x] = raster.getSample(x, y, 0) / max;
            }
        }
        return new Pixels(w, h, 1, data);
    }

    private static Pixels rgbPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] data = new float[3 * plane];
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < plane; i++) {
            data[i] = ((argb[i] >> 16) & 0xFF) / 255f;
            data[plane + i] = ((argb[i] >> 8) & 0xFF) / 255f;
            data[2 * plane + i] = (argb[i] & 0xFF) / 255f;
        }
        return new Pixels(w, h, 3, data);
    }

    private static String describe(byte[] encoded) {
        int n = Math.min(8, encoded.length);
        byte[] head = new byte[n];
        System.arraycopy(encoded, 0, head, 0, n);
        return encoded.length + " bytes starting 0x" + HexFormat.of().formatHex(head);
    }
}
