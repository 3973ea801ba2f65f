package dev.streamtune.ingest.rest;

import static dev.streamtune.ingest.IngestTestSupport.asAdmin;
import static dev.streamtune.ingest.IngestTestSupport.asProducer;
import static dev.streamtune.ingest.IngestTestSupport.uniqueModel;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Topics;
import dev.streamtune.ingest.config.KafkaClientConfig;
import dev.streamtune.ingest.messaging.ModelSpecView;
import dev.streamtune.kafka.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ModelRegistrationTest {

    @Inject
    KafkaClientConfig kafka;

    @Inject
    ObjectMapper mapper;

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registersTextModelWithDefaultsAndAnswersGetRightAfter() {
        String name = uniqueModel("reg");
        long before = System.currentTimeMillis();
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"task\":\"text-classification\"}")
                .post("/v1/models")
                .then().statusCode(201)
                .header("Location", endsWith("/v1/models/" + name))
                .body("name", equalTo(name))
                .body("task", equalTo("text-classification"))
                .body("backbone", equalTo("minilm-l6-v2"))
                .body("strategy", equalTo("feature-extraction"))
                .body("labels", nullValue())
                .body("replay.policy", equalTo("class-balanced"))
                .body("replay.capacity", equalTo(2000))
                .body("replay.ratio", equalTo(0.5f))
                .body("publish.everySamples", equalTo(500))
                .body("publish.everySeconds", equalTo(30.0f))
                .body("publish.maxForgetting", equalTo(0.05f))
                .body("revision", equalTo(1))
                .body("updatedAt", greaterThan(before - 1));

        asProducer().get("/v1/models/" + name).then().statusCode(200)
                .body("name", equalTo(name)).body("revision", equalTo(1));
        asProducer().get("/v1/models").then().statusCode(200).body("models.name", hasItem(name));
    }

    @Test
    void updateRaisesRevisionAndAnswers200WithTheNewSpec() {
        String name = uniqueModel("upd");
        String v1 = "{\"name\":\"" + name + "\",\"task\":\"image-classification\"}";
        String v2 = "{\"name\":\"" + name + "\",\"task\":\"image-classification\",\"strategy\":\"fine-tune\","
                + "\"labels\":[\"shirt\",\"shoe\"],\"replay\":{\"policy\":\"reservoir\",\"capacity\":100,\"ratio\":0.25},"
                + "\"publish\":{\"everySamples\":50,\"everySeconds\":2.5,\"maxForgetting\":0.1}}";
        asAdmin().contentType(ContentType.JSON).body(v1).post("/v1/models").then().statusCode(201)
                .body("backbone", equalTo("fashion-cnn")).body("revision", equalTo(1));
        asAdmin().contentType(ContentType.JSON).body(v2).post("/v1/models").then().statusCode(200)
                .body("revision", equalTo(2))
                .body("strategy", equalTo("fine-tune"))
                .body("labels", containsInAnyOrder("shirt", "shoe"))
                .body("replay.policy", equalTo("reservoir"))
                .body("replay.capacity", equalTo(100))
                .body("publish.everySeconds", equalTo(2.5f));
        asAdmin().get("/v1/models/" + name).then().statusCode(200)
                .body("revision", equalTo(2)).body("labels", containsInAnyOrder("shirt", "shoe"));
    }

    @Test
    void partialReplaySettingsKeepDefaultsForTheRest() {
        String name = uniqueModel("partial");
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"task\":\"text-classification\",\"replay\":{\"capacity\":10}}")
                .post("/v1/models").then().statusCode(201)
                .body("replay.capacity", equalTo(10)).body("replay.policy", equalTo("class-balanced"));
    }

    @Test
    void rejectsChangingTheTaskOfAModel() {
        String name = uniqueModel("task");
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"task\":\"text-classification\"}")
                .post("/v1/models").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"task\":\"image-classification\"}")
                .post("/v1/models").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://streamtune.dev/problems/task-conflict"));
        asAdmin().get("/v1/models/" + name).then().body("task", equalTo("text-classification")).body("revision", equalTo(1));
    }

    @Test
    void refusesToChangeWhatATextModelTrainsButAcceptsOtherUpdates() {
        String name = uniqueModel("tuned");
        String lora = "{\"name\":\"" + name + "\",\"task\":\"text-classification\",\"strategy\":\"lora\","
                + "\"tuning\":{\"layers\":2,\"rank\":8}";
        asAdmin().contentType(ContentType.JSON).body(lora + "}").post("/v1/models").then().statusCode(201)
                .body("tuning.layers", equalTo(2)).body("tuning.rank", equalTo(8));
        asAdmin().contentType(ContentType.JSON).body(lora + ",\"publish\":{\"everySamples\":50}}").post("/v1/models")
                .then().statusCode(200).body("revision", equalTo(2));
        for (String other : new String[] {"\"strategy\":\"fine-tune\"", "\"strategy\":\"feature-extraction\"",
                "\"strategy\":\"lora\",\"tuning\":{\"layers\":2,\"rank\":4}"}) {
            asAdmin().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"task\":\"text-classification\"," + other + "}")
                    .post("/v1/models").then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("https://streamtune.dev/problems/strategy-conflict"))
                    .body("detail", containsString("lora (top 2 layers, rank 8)"));
        }
        asAdmin().get("/v1/models/" + name).then().body("strategy", equalTo("lora")).body("revision", equalTo(2));
    }

    @Test
    void rejectsBadNameUnknownTaskAndUnknownStrategyListingEach() {
        invalid("{\"name\":\"Bad_Name\",\"task\":\"regression\",\"strategy\":\"distill\"}")
                .body("errors.field", containsInAnyOrder("name", "task", "strategy"))
                .body("errors.find { it.field == 'name' }.reason", containsString("not a valid model name"))
                .body("errors.find { it.field == 'task' }.reason", containsString("text-classification"))
                .body("errors.find { it.field == 'strategy' }.reason", containsString("lora"));
    }

    @Test
    void rejectsNameLongerThan63Characters() {
        invalid("{\"name\":\"" + "a".repeat(64) + "\",\"task\":\"text-classification\"}")
                .body("errors.field", containsInAnyOrder("name"));
    }

    @Test
    void rejectsMissingNameAndTask() {
        invalid("{}").body("errors.field", containsInAnyOrder("name", "task"))
                .body("errors.reason", hasItems("is required"));
    }

    @Test
    void rejectsBadReplayValues() {
        invalid("{\"name\":\"" + uniqueModel("r") + "\",\"task\":\"text-classification\","
                + "\"replay\":{\"policy\":\"fifo\",\"capacity\":0,\"ratio\":1.5}}")
                .body("errors.field", containsInAnyOrder("replay.policy", "replay.capacity", "replay.ratio"));
        invalid("{\"name\":\"" + uniqueModel("r") + "\",\"task\":\"text-classification\","
                + "\"replay\":{\"capacity\":\"big\",\"size\":3}}")
                .body("errors.field", containsInAnyOrder("replay.capacity", "replay.size"));
        invalid("{\"name\":\"" + uniqueModel("r") + "\",\"task\":\"text-classification\",\"replay\":[]}")
                .body("errors.field", containsInAnyOrder("replay"));
    }

    @Test
    void rejectsBadPublishValues() {
        invalid("{\"name\":\"" + uniqueModel("p") + "\",\"task\":\"text-classification\","
                + "\"publish\":{\"everySamples\":-1,\"everySeconds\":0,\"maxForgetting\":2}}")
                .body("errors.field", containsInAnyOrder("publish.everySamples", "publish.everySeconds",
                        "publish.maxForgetting"));
    }

    @Test
    void rejectsUnknownFieldsAndFieldsTheRegistrySets() {
        invalid("{\"name\":\"" + uniqueModel("u") + "\",\"task\":\"text-classification\",\"colour\":\"red\","
                + "\"revision\":7}")
                .body("errors.field", containsInAnyOrder("colour", "revision"))
                .body("errors.find { it.field == 'revision' }.reason", containsString("set by the registry"));
    }

    @Test
    void rejectsDuplicateAndBadLabelsAndMismatchedBackbone() {
        invalid("{\"name\":\"" + uniqueModel("l") + "\",\"task\":\"text-classification\",\"backbone\":\"fashion-cnn\","
                + "\"labels\":[\"a\",\"a\",\"\",3]}")
                .body("errors.field", containsInAnyOrder("backbone", "labels[1]", "labels[2]", "labels[3]"));
        invalid("{\"name\":\"" + uniqueModel("l") + "\",\"task\":\"text-classification\",\"backbone\":\"my model\"}")
                .body("errors.field", containsInAnyOrder("backbone"));
    }

    @Test
    void acceptsBackboneUrl() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + uniqueModel("url") + "\","
                + "\"task\":\"image-classification\",\"backbone\":\"file:/models/cnn.onnx\"}")
                .post("/v1/models").then().statusCode(201).body("backbone", equalTo("file:/models/cnn.onnx"));
    }

    @Test
    void rejectsMalformedAndNonObjectBodies() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\":").post("/v1/models")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://streamtune.dev/problems/malformed-json"))
                .body("errors[0].reason", containsString("line 1"));
        invalid("[1,2]").body("errors[0].field", equalTo("$"));
    }

    @Test
    void unknownModelIs404ProblemJson() {
        asProducer().get("/v1/models/" + uniqueModel("nobody")).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://streamtune.dev/problems/unknown-model"))
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", containsString("POST /v1/models"));
    }

    @Test
    void listIsSortedByName() {
        String b = uniqueModel("sort-b");
        String a = uniqueModel("sort-a");
        for (String n : new String[] {b, a}) {
            asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + n + "\",\"task\":\"text-classification\"}")
                    .post("/v1/models").then().statusCode(201);
        }
        java.util.List<String> names = asProducer().get("/v1/models").then().statusCode(200)
                .body("models.size()", greaterThan(1)).extract().jsonPath().getList("models.name", String.class);
        org.junit.jupiter.api.Assertions.assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void aFreshReplicaReadingTheTopicAgreesWithTheRegistry() throws Exception {
        String name = uniqueModel("replica");
        // what a text model trains cannot change (strategy-conflict): the update changes its publish policy
        for (String publish : new String[] {"", ",\"publish\":{\"everySamples\":50}"}) {
            asAdmin().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"task\":\"text-classification\",\"strategy\":\"lora\"" + publish + "}")
                    .post("/v1/models").then().statusCode(publish.isEmpty() ? 201 : 200);
        }
        // what a restarted or second replica would build from the compacted topic
        try (ModelSpecView replica = new ModelSpecView(
                () -> new KafkaConsumer<>(kafka.specConsumer(), new StringDeserializer(), new ByteArrayDeserializer()),
                Topics.defaults().modelSpecs(), mapper.readerFor(ModelSpec.class))) {
            replica.start();
            org.junit.jupiter.api.Assertions.assertTrue(replica.awaitCaughtUp(30_000));
            ModelSpec seen = replica.get(name).orElseThrow();
            org.junit.jupiter.api.Assertions.assertEquals(2, seen.revision());
            org.junit.jupiter.api.Assertions.assertEquals(Strategy.LORA, seen.strategy());
            org.junit.jupiter.api.Assertions.assertEquals(50, seen.publish().everySamples());
            asProducer().get("/v1/models/" + name).then().body("updatedAt", equalTo(seen.updatedAt()));
        }
    }

    private static ValidatableResponse invalid(String body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/v1/models")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://streamtune.dev/problems/invalid-model-spec"))
                .body("status", equalTo(400))
                .body("errors.size()", lessThanOrEqualTo(10));
    }
}
