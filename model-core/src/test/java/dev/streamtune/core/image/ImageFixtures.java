package dev.streamtune.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed fixtures of {@code src/test/fixtures/make_image_fixtures.py}: a tiny CNN as TorchScript and ONNX,
 * three PNGs and the features PyTorch computed for them.
 */
final class ImageFixtures {

    private final JsonNode doc;

    private ImageFixtures(JsonNode doc) {
        this.doc = doc;
    }

    static ImageFixtures load() {
        try (InputStream in = resource("tiny_cnn_expected.json")) {
            return new ImageFixtures(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = ImageFixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test fixture /fixtures/" + name);
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String name) {
        try {
            return Path.of(ImageFixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String modelFile(ImageModelFormat format) {
        return format == ImageModelFormat.ONNX ? "tiny_cnn.onnx" : "tiny_cnn.pt";
    }

    ImagePreprocessing preprocessing() {
        JsonNode p = doc.get("preprocessing");
        return new ImagePreprocessing(p.get("width").asInt(), p.get("height").asInt(), p.get("channels").asInt(),
                floats(p.get("mean")), floats(p.get("std")));
    }

    int dimension() {
        return doc.get("dimension").asInt();
    }

    List<String> imageFiles() {
        List<String> files = new ArrayList<>();
        doc.get("images").forEach(image -> files.add(image.get("file").asText()));
        return files;
    }

    List<byte[]> images() {
        return imageFiles().stream().map(ImageFixtures::bytes).toList();
    }

    float[][] expectedFeatures() {
        List<float[]> rows = new ArrayList<>();
        doc.get("images").forEach(image -> rows.add(floats(image.get("features"))));
        return rows.toArray(float[][]::new);
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
