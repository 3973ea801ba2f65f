package dev.streamtune.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Keys of the test profile, unique model names, model registration and test images. */
public final class IngestTestSupport {

    /** {@code %test.ingest.security.admin-key}. */
    public static final String ADMIN_KEY = "test-admin-key";
    /** One of {@code %test.ingest.security.producer-keys}. */
    public static final String PRODUCER_KEY = "test-producer-key";

    private IngestTestSupport() {}

    /** A model name no other test uses. */
    public static String uniqueModel(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request with the admin key. */
    public static RequestSpecification asAdmin() {
        return given().header("X-API-Key", ADMIN_KEY);
    }

    /** A request with a producer key. */
    public static RequestSpecification asProducer() {
        return given().header("X-API-Key", PRODUCER_KEY);
    }

    /** Registers a text model (open label set) and returns its name. */
    public static String registerTextModel(String prefix) {
        return register(uniqueModel(prefix), "text-classification", null);
    }

    /** Registers a text model with a closed label set. */
    public static String registerTextModel(String prefix, String labelsJson) {
        return register(uniqueModel(prefix), "text-classification", labelsJson);
    }

    /** Registers an image model (open label set) and returns its name. */
    public static String registerImageModel(String prefix) {
        return register(uniqueModel(prefix), "image-classification", null);
    }

    private static String register(String name, String task, String labelsJson) {
        String body = "{\"name\":\"" + name + "\",\"task\":\"" + task + "\""
                + (labelsJson == null ? "" : ",\"labels\":" + labelsJson) + "}";
        asAdmin().contentType(ContentType.JSON).body(body).post("/v1/models").then().statusCode(201);
        return name;
    }

    /** Base64 of a small real image in {@code format} ("png" or "jpeg"), different for each {@code seed}. */
    public static String imageBase64(String format, int seed) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image.setRGB(x, y, new Color((x * 9 + seed) & 255, (y * 9 + seed * 7) & 255, (seed * 31) & 255).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * Proves that nothing of an earlier rejected request reached read_committed consumers: sends a marker sample
     * for {@code textModel}, reads the topic from {@code topic}'s start up to the marker and expects only the marker.
     */
    public static void assertOnlyMarkerVisible(SamplesTopic topic, String textModel) {
        String marker = "marker-" + UUID.randomUUID();
        asProducer().contentType(ContentType.JSON).body("{\"id\":\"" + marker + "\",\"text\":\"m\",\"label\":\"m\"}")
                .post("/v1/models/" + textModel + "/samples").then().statusCode(202);
        var records = topic.readUntil(textModel, rs -> rs.stream().anyMatch(r -> r.value().contains(marker)));
        org.junit.jupiter.api.Assertions.assertEquals(1, records.size(),
                "only the marker may be visible, got " + records.stream().map(r -> r.value()).toList());
    }
}
