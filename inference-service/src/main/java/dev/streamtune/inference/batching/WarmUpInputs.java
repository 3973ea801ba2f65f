package dev.streamtune.inference.batching;

import dev.streamtune.contracts.Modality;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The fixed input each backbone embeds once for warm-up predictions: a sentence, or a small gradient PNG. */
public final class WarmUpInputs {

    /** The warm-up sentence. */
    public static final String TEXT = "A short sentence to warm up a freshly loaded model version.";

    private WarmUpInputs() {}

    static Object of(Modality modality) {
        return modality == Modality.TEXT ? TEXT : gradientPng();
    }

    private static byte[] gradientPng() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int v = (x + y) * 4;
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the warm-up image", e);
        }
        return out.toByteArray();
    }
}
