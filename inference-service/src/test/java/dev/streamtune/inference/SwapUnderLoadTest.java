package dev.streamtune.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.inference.fixtures.Glosses;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Versions are swapped in while clients predict continuously: no request fails, versions only move forward. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SwapUnderLoadTest extends ServiceTest {

    private static final String MODEL = "swap-under-load";
    private static final int CLIENTS = 4;
    private static final int NEW_VERSIONS = 20;

    @TestHTTPResource("/v1/models/" + MODEL + "/predict")
    URL predictUrl;

    @Test
    void swapsTwentyVersionsWithoutAFailedRequest() throws Exception {
        textModel(MODEL, 1);
        awaitServing(MODEL, 1);
        Set<Long> published = ConcurrentHashMap.newKeySet();
        published.add(1L);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answers = new AtomicInteger();
        Map<Long, AtomicInteger> answersPerVersion = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        List<String> texts = Glosses.sample(10).stream().map(g -> g.gloss()).toList();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long last = 0;
                int i = client;
                while (!stop.get()) {
                    String body = json.createObjectNode().put("text", texts.get(i++ % texts.size())).toString();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(predictUrl.toString()))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failures.add("HTTP " + r.statusCode() + ": " + r.body());
                            continue;
                        }
                        JsonNode answer = json.readTree(r.body());
                        long v = answer.get("modelVersion").asLong();
                        if (!published.contains(v)) {
                            failures.add("answered by unpublished version " + v);
                        }
                        if (v < last) {
                            failures.add("client " + client + " went back from version " + last + " to " + v);
                        }
                        last = v;
                        answers.incrementAndGet();
                        answersPerVersion.computeIfAbsent(v, k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "client-" + c);
            clients.add(t);
            t.start();
        }
        for (long v = 2; v <= 1 + NEW_VERSIONS; v++) {
            published.add(v);
            publisher().publish(MODEL, v);
            awaitServing(MODEL, v);
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        assertTrue(answers.get() > NEW_VERSIONS, "clients kept predicting: " + answers.get() + " answers");
        assertTrue(answersPerVersion.size() > NEW_VERSIONS / 2,
                "answers came from many versions while they were swapped: " + answersPerVersion.keySet());
        assertEquals(1 + NEW_VERSIONS, given().get("/v1/models/" + MODEL).jsonPath().getLong("servingVersion"));
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
