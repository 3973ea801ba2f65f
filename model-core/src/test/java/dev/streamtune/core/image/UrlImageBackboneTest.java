package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.streamtune.contracts.Modality;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UrlImageBackboneTest {

    private static final ImageFixtures FIXTURES = ImageFixtures.load();
    private static final float TOLERANCE = 1e-4f;

    @TempDir
    static Path served;

    private static HttpServer server;

    @BeforeAll
    static void serveZippedFixtures() throws IOException {
        for (ImageModelFormat format : ImageModelFormat.values()) {
            String file = ImageFixtures.modelFile(format);
            Path zipFile = served.resolve(zipPath(format));
            Files.createDirectories(zipFile.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
                zip.putNextEntry(new ZipEntry(file));
                zip.write(ImageFixtures.bytes(file));
                zip.closeEntry();
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring(1));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    /** DJL names a model in an archive after the archive, so the zip carries the model file's stem. */
    private static String zipPath(ImageModelFormat format) {
        return format.name().toLowerCase() + "/tiny_cnn.zip";
    }

    private static String httpUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @ParameterizedTest
    @EnumSource(ImageModelFormat.class)
    void fileUrlReproducesPyTorchFeatures(ImageModelFormat format) {
        String url = ImageFixtures.path(ImageFixtures.modelFile(format)).toUri().toString();
        assertReproducesFixture(url, format);
    }

    @ParameterizedTest
    @EnumSource(ImageModelFormat.class)
    void jarFileUrlReproducesPyTorchFeatures(ImageModelFormat format, @TempDir Path dir) throws IOException {
        String file = ImageFixtures.modelFile(format);
        Path jar = dir.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("models/" + file));
            out.write(ImageFixtures.bytes(file));
            out.closeEntry();
        }
        assertReproducesFixture("jar:" + jar.toUri() + "!/models/" + file, format);
    }

    @Test
    void classpathJarUrlReproducesPyTorchFeatures() {
        assertReproducesFixture("jar:///fixtures/tiny_cnn.onnx", ImageModelFormat.ONNX);
    }

    @ParameterizedTest
    @EnumSource(ImageModelFormat.class)
    void httpUrlOfZippedModelReproducesPyTorchFeatures(ImageModelFormat format) {
        assertReproducesFixture(httpUrl(zipPath(format)), format);
    }

    private static void assertReproducesFixture(String url, ImageModelFormat format) {
        try (UrlImageBackbone backbone = UrlImageBackbone.load(new ImageModelSpec(url, format, FIXTURES.preprocessing()))) {
            assertEquals(FIXTURES.dimension(), backbone.info().dimension());
            assertEquals(Modality.IMAGE, backbone.info().modality());
            float[][] actual = backbone.embed(FIXTURES.images());
            float[][] expected = FIXTURES.expectedFeatures();
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], TOLERANCE, FIXTURES.imageFiles().get(i) + " via " + url);
            }
        }
    }

    @Test
    void infoCarriesTheSha256OfTheLoadedModelFile() throws IOException {
        Path file = ImageFixtures.path("tiny_cnn.onnx");
        try (UrlImageBackbone backbone = load(file.toUri().toString(), ImageModelFormat.ONNX)) {
            assertEquals(Sha256.of(file), backbone.info().sha256());
            assertEquals(file.toUri().toString(), backbone.info().id());
        }
    }

    @Test
    void missingFileFailsFastWithThePath(@TempDir Path dir) {
        String url = dir.resolve("absent.onnx").toUri().toString();
        ModelLoadingException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ModelLoadingException.class, () -> load(url, ImageModelFormat.ONNX)));
        assertTrue(e.getMessage().contains("model file not found") && e.getMessage().contains("absent.onnx"), e.getMessage());
    }

    @Test
    void missingJarEntryIsNamed(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("empty.jar");
        new JarOutputStream(Files.newOutputStream(jar)).close();
        ModelLoadingException e = assertThrows(ModelLoadingException.class,
                () -> load("jar:" + jar.toUri() + "!/models/x.pt", ImageModelFormat.TORCHSCRIPT));
        assertTrue(e.getMessage().contains("no entry 'models/x.pt'"), e.getMessage());
    }

    @Test
    void missingClasspathResourceIsNamed() {
        ModelLoadingException e = assertThrows(ModelLoadingException.class,
                () -> load("jar:///fixtures/absent.onnx", ImageModelFormat.ONNX));
        assertTrue(e.getMessage().contains("class path resource not found: fixtures/absent.onnx"), e.getMessage());
    }

    @Test
    void notFoundHttpUrlFailsFastWithTheStatus() {
        ModelLoadingException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                ModelLoadingException.class, () -> load(httpUrl("absent.zip"), ImageModelFormat.ONNX)));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void refusedConnectionFailsFast() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/model.zip";
        ModelLoadingException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ModelLoadingException.class, () -> load(url, ImageModelFormat.ONNX)));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedScheme() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("ftp://example.org/model.onnx", ImageModelFormat.ONNX));
        assertTrue(e.getMessage().contains("unsupported model URL scheme 'ftp'"), e.getMessage());
    }

    @Test
    void rejectsBareModelFileOverHttp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(httpUrl("tiny_cnn.onnx"), ImageModelFormat.ONNX));
        assertTrue(e.getMessage().contains("only as archives"), e.getMessage());
    }

    @Test
    void rejectsModelThatDoesNotTakeTheConfiguredInputShape() {
        ImagePreprocessing gray = new ImagePreprocessing(32, 32, 1, new float[] {0.5f}, new float[] {0.5f});
        String url = ImageFixtures.path("tiny_cnn.onnx").toUri().toString();
        ModelLoadingException e = assertThrows(ModelLoadingException.class,
                () -> UrlImageBackbone.load(new ImageModelSpec(url, ImageModelFormat.ONNX, gray)));
        assertTrue(e.getMessage().contains("does not accept a 1x32x32 input"), e.getMessage());
    }

    @Test
    void rejectsUndecodableImageNamingTheInput() {
        try (UrlImageBackbone backbone = load(ImageFixtures.path("tiny_cnn.pt").toUri().toString(),
                ImageModelFormat.TORCHSCRIPT)) {
            List<byte[]> inputs = List.of(FIXTURES.images().get(0), "not an image".getBytes());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backbone.embed(inputs));
            assertTrue(e.getMessage().startsWith("input 1: cannot decode image"), e.getMessage());
        }
    }

    private static UrlImageBackbone load(String url, ImageModelFormat format) {
        return UrlImageBackbone.load(new ImageModelSpec(url, format, FIXTURES.preprocessing()));
    }
}
