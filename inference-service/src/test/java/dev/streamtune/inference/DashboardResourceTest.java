package dev.streamtune.inference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.streamtune.inference.fixtures.Glosses;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/dashboard}, the page and its chart library as the service serves them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DashboardResourceTest extends ServiceTest {

    private static final String PANEL = "models.find { it.name == '%s' }.";

    @Test
    void carriesEveryKeptVersionWithMetricsAndTheServingState() {
        textModel("dashboard-json", 2);
        awaitServing("dashboard-json", 2);
        String m = PANEL.formatted("dashboard-json");
        given().get("/v1/dashboard").then().statusCode(200)
                .body(m + "task", equalTo("text-classification"))
                .body(m + "servingVersion", equalTo(2))
                .body(m + "latestVersion", equalTo(2))
                .body(m + "freshnessMs", greaterThanOrEqualTo(0))
                .body(m + "labels", equalTo(Glosses.LABELS))
                .body(m + "versions.version", equalTo(List.of(1, 2)))
                .body(m + "versions.find { it.version == 2 }.serving", equalTo(true))
                .body(m + "versions[0].metrics.perClass.keySet()", hasSize(Glosses.LABELS.size()))
                .body(m + "versions[0].lineage", notNullValue())
                .body(m + "refused", hasSize(0));
    }

    @Test
    void showsARegisteredModelWithoutVersions() {
        publisher().register("dashboard-empty", glosses());
        String m = PANEL.formatted("dashboard-empty");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/v1/dashboard").jsonPath().getList("models.name").contains("dashboard-empty"));
        given().get("/v1/dashboard").then().statusCode(200)
                .body(m + "servingVersion", nullValue())
                .body(m + "freshnessMs", nullValue())
                .body(m + "versions", hasSize(0));
    }

    @Test
    void saysWhyTheTrainerIsUnreachable() {
        given().get("/v1/dashboard").then().statusCode(200)
                .body("trainers", hasSize(1))
                .body("trainers[0].url", equalTo("http://127.0.0.1:1/"))
                .body("trainers[0].reachable", equalTo(false))
                .body("trainers[0].detail", equalTo("connection refused"))
                .body("generatedAt", notNullValue());
    }

    @Test
    void servesThePageAndItsChartLibraryFromTheWebjar() {
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/webjars/uplot/dist/uPlot.iife.min.js"));
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("/v1/dashboard"));
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().statusCode(200).body(containsString("uPlot"));
        given().get("/webjars/uplot/dist/uPlot.min.css").then().statusCode(200);
    }

    @Test
    void dashboardWithoutTrailingSlashLeadsToThePage() {
        given().redirects().follow(true).get("/dashboard").then().statusCode(200).contentType(containsString("text/html"));
    }
}
