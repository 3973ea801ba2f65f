package dev.streamtune.core.backbone;

import static dev.streamtune.core.backbone.TinyEncoderFixture.assertOpensTinyEncoder;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Backbones from {@code jar:} and {@code http(s):} URLs, and the fast failures of unreachable ones. */
class RemoteBackboneUrlTest {

    private static final Duration FAST = Duration.ofSeconds(5);
    private static final String OFFLINE = "ai.djl.offline";

    private static BackboneRegistry registry;
    private static Path zip;
    private final String offlineBefore = System.getProperty(OFFLINE);

    @BeforeAll
    static void createRegistryAndArchive() throws Exception {
        registry = BackboneRegistry.withBuiltIns(TextEncoderOptions.defaults().withPredictors(1));
        zip = TinyEncoderFixture.zip();
    }

    @AfterEach
    void restoreOfflineMode() {
        if (offlineBefore == null) {
            System.clearProperty(OFFLINE);
        } else {
            System.setProperty(OFFLINE, offlineBefore);
        }
    }

    @Test
    void opensOnnxModelFromClasspathJarUrl() throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader withArchive = new URLClassLoader(new URL[] {zip.getParent().toUri().toURL()}, before)) {
            thread.setContextClassLoader(withArchive);
            assertOpensTinyEncoder(registry, "jar:///tiny-encoder.zip");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void opensOnnxModelFromHttpArchive() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = Files.readAllBytes(zip);
        server.createContext("/models/tiny-encoder.zip", exchange -> {
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            System.setProperty(OFFLINE, "false");
            assertOpensTinyEncoder(registry,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/models/tiny-encoder.zip");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rejectsHttpUrlInOfflineModeQuickly() {
        System.setProperty(OFFLINE, "true");

        BackboneLoadException e = failsFast(() -> registry.openText("https://models.example/encoder.zip"));

        assertTrue(e.getMessage().contains("DJL offline mode is on"), e.getMessage());
    }

    @Test
    void rejectsUnreachableHttpUrlQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty(OFFLINE, "false");
        String url = "http://127.0.0.1:" + closedPort + "/encoder.zip";

        BackboneLoadException e = failsFast(() -> registry.openText(url));

        assertTrue(e.getMessage().startsWith("backbone " + url + " is unreachable"), e.getMessage());
    }

    @Test
    void givesUpOnHttpServerThatNeverAnswers() throws Exception {
        System.setProperty(OFFLINE, "false");
        ModelUrlCheck check = new ModelUrlCheck(Duration.ofMillis(300));
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/encoder.zip";

            BackboneLoadException e = failsFast(() -> check.check(url));

            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }

    @Test
    void rejectsHttpUrlThatIsNotAnArchive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.openText("https://models.example/encoder.onnx"));

        assertTrue(e.getMessage().contains("must name an archive"), e.getMessage());
    }

    @Test
    void rejectsHttpNotFound() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        try {
            System.setProperty(OFFLINE, "false");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.zip";

            BackboneLoadException e = failsFast(() -> registry.openText(url));

            assertTrue(e.getMessage().equals("backbone " + url + ": HTTP 404"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private static BackboneLoadException failsFast(Executable call) {
        return assertTimeoutPreemptively(FAST, () -> assertThrows(BackboneLoadException.class, call));
    }
}
