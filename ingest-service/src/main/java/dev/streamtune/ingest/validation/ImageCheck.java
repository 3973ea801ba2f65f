package dev.streamtune.ingest.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks that a base64 string holds a PNG or JPEG that really decodes (with ImageIO), within a byte and a pixel
 * limit. The pixel limit is checked from the header, before pixels are decoded, so a small file claiming a huge
 * image cannot exhaust memory.
 */
public final class ImageCheck {

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private final long maxBytes;
    private final long maxPixels;

    public ImageCheck(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        ImageIO.setUseCache(false); // decode in memory, never through temp files
    }

    /** Why {@code base64} is not an acceptable image, or {@code null} if it is one. */
    public String check(String base64) {
        if (base64.isEmpty()) {
            return "must not be empty";
        }
        long estimated = (long) base64.length() / 4 * 3;
        if (estimated > maxBytes + 2) {
            return "is about " + estimated + " bytes decoded; at most " + maxBytes + " are allowed";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return "is not valid base64 (standard alphabet with padding, no line breaks): " + e.getMessage();
        }
        if (bytes.length > maxBytes) {
            return "is " + bytes.length + " bytes decoded; at most " + maxBytes + " are allowed";
        }
        return checkDecodes(bytes);
    }

    private String checkDecodes(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "is not a PNG or JPEG image (format not recognised)";
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    return "is a " + format.toUpperCase(Locale.ROOT) + " image; only PNG and JPEG are accepted";
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    return "is " + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels; at most " + maxPixels
                            + " pixels are allowed";
                }
                reader.read(0);
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "does not decode as an image: " + e.getMessage();
        }
    }
}
