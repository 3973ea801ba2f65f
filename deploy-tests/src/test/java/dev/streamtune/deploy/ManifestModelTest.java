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
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/deployment-misspelled-field.yaml")));
        assertTrue(e.getMessage().contains("containerPorts"), e.getMessage());
    }

    @Test
    void rejectsMisspelledFieldInStrimziTopic() {
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/topic-misspelled-field.yaml")));
        assertTrue(e.getMessage().contains("\"partition\""), e.getMessage());
    }

    @Test
    void rejectsStrimziFieldThatV1Dropped() {
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/kafka-v1beta2-only-field.yaml")));
        assertTrue(e.getMessage().contains("\"storage\""), e.getMessage());
    }

    @Test
    void rejectsStrimziApiVersionThatStrimziOneNoLongerServes() {
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/topic-v1beta2.yaml")));
        assertTrue(e.getMessage().contains("kafka.strimzi.io/v1beta2 KafkaTopic"), e.getMessage());
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
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/deployment-wrong-type.yaml")));
        assertTrue(e.getMessage().contains("replicas"), e.getMessage());
    }

    @Test
    void rejectsUnknownKind() {
        var e = assertThrows(ManifestReader.ManifestException.class,
                () -> ManifestReader.read(Fixtures.path("bad/unknown-kind.yaml")));
        assertTrue(e.getMessage().contains("apps/v1 Deploymnet"), e.getMessage());
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
