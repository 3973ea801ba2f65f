package dev.streamtune.inference.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's reading of trainer instances over real HTTP on the loopback: a readable status, and every way a
 * trainer can fail to give one (down, silent, error status, unreadable or incomplete body), which must become an
 * unreachable report with the reason rather than a failed dashboard.
 */
class TrainerStatusClientTest {

    /** A body in the shape of the trainer's {@code GET /v1/training} (its {@code InstanceStatus} record). */
    private static final String TRAINER_BODY = """
            {"device":"cpu","partitions":[0,1],"models":{"demo":{"model":"demo","samplesTrained":1200,"duplicatesSkipped":3,
            "deadLettered":1,"lastVersion":7,"rejectedCandidates":2,"lastDecision":"rejected","lastDecisionReason":"forgetting 0.08 > 0.05",
            "lastDecisionAt":1764300000000,"samplesPerSecond":48.5,"consumerLag":17,"partition":1,"device":"cpu","newestSampleAt":1764300000500}}}
            """;
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/training", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private TrainerReport fetchOne(String url) throws Exception {
        List<TrainerReport> reports = new TrainerStatusClient(List.of(url), TIMEOUT, json).fetchAll().get(10, TimeUnit.SECONDS);
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    @Test
    void readsTheFiguresOfEveryModelATrainerReports() throws Exception {
        String url = serve(200, TRAINER_BODY);
        TrainerReport report = fetchOne(url);
        assertTrue(report.reachable(), report.detail());
        assertEquals("cpu", report.device());
        TrainingFigures demo = report.models().get("demo");
        assertEquals(48.5, demo.samplesPerSecond());
        assertEquals(17, demo.consumerLag());
        assertEquals(1200, demo.samplesTrained());
        assertEquals("rejected", demo.lastDecision());
        assertEquals(2, demo.rejectedCandidates());
    }

    @Test
    void keepsOneReportPerTrainerInConfigurationOrder() throws Exception {
        String up = serve(200, TRAINER_BODY);
        String down = "http://127.0.0.1:" + closedPort();
        List<TrainerReport> reports = new TrainerStatusClient(List.of(down, up + "/"), TIMEOUT, json).fetchAll().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(false, true), reports.stream().map(TrainerReport::reachable).toList());
    }

    /** Fetches {@code url} and checks it is reported unreachable, without models, for the reason {@code detail}. */
    private void assertUnreachable(String url, String detail) throws Exception {
        TrainerReport report = fetchOne(url);
        assertFalse(report.reachable());
        assertTrue(report.models().isEmpty());
        assertTrue(report.detail().startsWith(detail), report.detail());
    }

    @Test
    void trainerThatIsDownIsUnreachable() throws Exception {
        assertUnreachable("http://127.0.0.1:" + closedPort(), "connection refused");
    }

    @Test
    void trainerThatNeverAnswersIsUnreachableAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertUnreachable("http://127.0.0.1:" + silent.getLocalPort(), "no answer within 500 ms");
        }
    }

    @Test
    void errorStatusIsUnreachableWithTheStatus() throws Exception {
        assertUnreachable(serve(503, "{\"title\":\"starting\"}"), "GET /v1/training answered HTTP 503");
    }

    @Test
    void unreadableBodyIsUnreachableWithTheParserMessage() throws Exception {
        assertUnreachable(serve(200, "<html>not json</html>"), "GET /v1/training answered an unreadable body: ");
    }

    @Test
    void bodyWithoutModelsIsUnreachable() throws Exception {
        assertUnreachable(serve(200, "{\"device\":\"cpu\"}"), "GET /v1/training answered without a 'models' object");
    }

    @Test
    void rejectsTrainerUrlsThatAreNotHttp() {
        for (String bad : List.of("127.0.0.1:8082", "ftp://host/", "http://", "not a url")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new TrainerStatusClient(List.of(bad), TIMEOUT, json), bad);
            assertTrue(e.getMessage().startsWith("inference.dashboard.trainer-urls: '" + bad + "'"), e.getMessage());
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
