package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file under {@code deploy/} fits its model (fabric8, Strimzi, or kustomize's), with unknown fields failing. */
class ManifestModelTest {

    @Test
    void everyManifestUnderDeployFitsItsModel() throws IOException {
        List<String> problems = new ArrayList<>();
        int objects = 0;
        for (Path file : yamlFiles(RepoPaths.deploy())) {
            try {
                if (file.equals(KustomizeTree.kustomizationFile(file.getParent()))) {
                    KustomizeTree.readKustomization(file);
                } else {
                    objects += ManifestReader.read(file).size();
                }
            } catch (IOException | ManifestReader.ManifestException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(objects >= 12, "expected the services, Kafka and topics, read " + objects + " objects");
    }

    @Test
    void rejectsMisspelledFieldInDeployment() {
        assertRejected("bad/deployment-misspelled-field.yaml", "containerPorts");
    }

    @Test
    void rejectsMisspelledFieldInStrimziTopic() {
        assertRejected("bad/topic-misspelled-field.yaml", "\"partition\"");
    }

    @Test
    void rejectsStrimziFieldThatV1Dropped() {
        assertRejected("bad/kafka-v1beta2-only-field.yaml", "\"storage\"");
    }

    @Test
    void rejectsStrimziApiVersionThatStrimziOneNoLongerServes() {
        assertRejected("bad/topic-v1beta2.yaml", "kafka.strimzi.io/v1beta2 KafkaTopic");
    }

    @Test
    void readsStrimziVersionRanges() {
        assertFalse(StrimziVersionFilter.includesVersion("v1beta2"));
        assertFalse(StrimziVersionFilter.includesVersion("v1alpha1-v1beta2"));
        assertTrue(StrimziVersionFilter.includesVersion("v1beta2+"));
        assertTrue(StrimziVersionFilter.includesVersion("v1beta2-v1"));
        assertTrue(StrimziVersionFilter.includesVersion("v1"));
    }

    @Test
    void rejectsValueOfWrongType() {
        assertRejected("bad/deployment-wrong-type.yaml", "replicas");
    }

    @Test
    void rejectsUnknownKind() {
        assertRejected("bad/unknown-kind.yaml", "apps/v1 Deploymnet");
    }

    @Test
    void rejectsMisspelledKustomizationField() {
        var e = assertThrows(IOException.class,
                () -> KustomizeTree.readKustomization(Fixtures.path("bad/kustomize-typo/kustomization.yaml")));
        assertTrue(e.getMessage().contains("\"resource\""), e.getMessage());
    }

    @Test
    void readsTheFieldsItKnows() {
        Deployment ingest = ManifestReader.read(RepoPaths.deploy().resolve("base/ingest.yaml")).get(0)
                .as(Deployment.class);
        var container = ingest.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("streamtune/ingest-service", container.getImage());
        assertFalse(container.getPorts().isEmpty());
        assertTrue(container.getAdditionalProperties().isEmpty());
    }

    /** Reading the test file {@code resource} fails with a message that contains {@code expected}. */
    private static void assertRejected(String resource, String expected) {
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path(resource)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Every YAML file and kustomization under {@code dir}. */
    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                            || p.getFileName().toString().equals("Kustomization"))
                    .sorted().toList();
        }
    }
}
