package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    private static final ImagePreprocessing IDENTITY_RGB =
            new ImagePreprocessing(2, 2, 3, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    private static final ImagePreprocessing IDENTITY_GRAY =
            new ImagePreprocessing(2, 2, 1, new float[] {0}, new float[] {1});

    @Test
    void decodesGrayPngWithoutGammaShift() {
        BufferedImage gray = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 51, 128, 255});
        Pixels pixels = ImageDecoder.decode(encode(gray, "png"));
        assertEquals(1, pixels.channels());
        assertArrayEquals(new float[] {0f, 51 / 255f, 128 / 255f, 1f}, pixels.data(), 1e-7f);
    }

    @Test
    void decodesRgbPngIntoChannelPlanes() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x0080FF);
        Pixels pixels = ImageDecoder.decode(encode(rgb, "png"));
        assertEquals(3, pixels.channels());
        assertArrayEquals(new float[] {1f, 0f, 0f, 128 / 255f, 0f, 1f}, pixels.data(), 1e-7f);
    }

    @Test
    void decodesJpeg() {
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 64; i++) {
            rgb.setRGB(i % 8, i / 8, 0x808080);
        }
        Pixels pixels = ImageDecoder.decode(encode(rgb, "jpg"));
        assertEquals(8, pixels.width());
        assertEquals(128 / 255f, pixels.data()[0], 3 / 255f);
    }

    @Test
    void replicatesGrayToRgb() {
        Pixels gray = new Pixels(2, 2, 1, new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        float[] chw = new ImagePreprocessor(IDENTITY_RGB).toChw(gray);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f}, chw);
    }

    @Test
    void convertsRgbToLuminance() {
        Pixels rgb = new Pixels(2, 2, 3, new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1});
        float[] chw = new ImagePreprocessor(IDENTITY_GRAY).toChw(rgb);
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f, 0.114f}, chw, 1e-6f);
    }

    @Test
    void resizesBilinearlyLikePyTorch() {
        // F.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4), mode="bilinear", align_corners=False)
        Pixels small = new Pixels(2, 2, 1, new float[] {0, 1, 2, 3});
        Pixels big = BilinearResize.resize(small, 4, 4);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f,
                2f, 2.25f, 2.75f, 3f}, big.data(), 1e-6f);
    }

    @Test
    void normalisesPerChannel() {
        ImagePreprocessing settings = new ImagePreprocessing(1, 1, 3, new float[] {0.5f, 0f, 1f}, new float[] {0.5f, 2f, 1f});
        float[] chw = new ImagePreprocessor(settings).toChw(new Pixels(1, 1, 3, new float[] {1f, 1f, 1f}));
        assertArrayEquals(new float[] {1f, 0.5f, 0f}, chw, 1e-7f);
    }

    @Test
    void readsRawFashionMnistBytesLikeADecodedPng() {
        BufferedImage gray = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raw = new byte[28 * 28];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7);
            gray.getRaster().setSample(i % 28, i / 28, 0, raw[i] & 0xFF);
        }
        ImagePreprocessor preprocessor = new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST);
        assertArrayEquals(preprocessor.toChw(encode(gray, "png")), preprocessor.fromGrayBytes(raw, 0));
    }

    @Test
    void rejectsUndecodableBytesWithTheirStart() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(IDENTITY_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> preprocessor.toChw(new byte[] {1, 2, 3, 4, 5}));
        assertTrue(e.getMessage().contains("cannot decode image") && e.getMessage().contains("5 bytes starting 0x0102030405"),
                e.getMessage());
    }

    @Test
    void rejectsTruncatedPng() {
        BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        byte[] png = encode(rgb, "png");
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageDecoder.decode(truncated));
        assertTrue(e.getMessage().startsWith("cannot decode image"), e.getMessage());
    }

    @Test
    void rejectsEmptyBytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageDecoder.decode(new byte[0]));
        assertEquals("image bytes are empty", e.getMessage());
    }

    @Test
    void rejectsZeroStdBecauseItWouldProduceNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImagePreprocessing(28, 28, 1, new float[] {0.5f}, new float[] {0f}));
        assertTrue(e.getMessage().contains("std[0] must be positive"), e.getMessage());
    }

    @Test
    void rejectsMeanOfWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImagePreprocessing(28, 28, 3, new float[] {0.5f}, new float[] {1f, 1f, 1f}));
        assertTrue(e.getMessage().contains("one value per channel (3)"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedChannelCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImagePreprocessing(28, 28, 4, new float[4], new float[] {1, 1, 1, 1}));
    }

    @Test
    void extremeImagesStayFinite() {
        ImagePreprocessor preprocessor = new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST);
        for (int value : new int[] {0, 255}) {
            BufferedImage gray = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 0; i < 40 * 30; i++) {
                gray.getRaster().setSample(i % 40, i / 40, 0, value);
            }
            for (float v : preprocessor.toChw(encode(gray, "png"))) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
