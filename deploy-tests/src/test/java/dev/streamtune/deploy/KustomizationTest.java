package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each kustomization's references resolve, overlays build on the base, and nothing under deploy/ is left out. */
class KustomizationTest {

    static final Path BASE = RepoPaths.deploy().resolve("base");

    @Test
    void everyKustomizationResolvesItsReferences() throws IOException {
        List<Path> dirs = kustomizationDirs();
        assertTrue(dirs.contains(BASE) && dirs.contains(RepoPaths.deploy().resolve("overlays/gpu")), dirs.toString());
        for (Path dir : dirs) {
            KustomizeTree tree = KustomizeTree.load(dir);
            assertEquals(List.of(), tree.errors(), dir.toString());
            assertFalse(tree.resources().isEmpty(), dir + " renders nothing");
            Set<String> ids = new HashSet<>();
            for (Manifest m : tree.resources()) {
                assertTrue(ids.add(m.id()), dir + ": " + m + " is included twice");
            }
        }
    }

    @Test
    void everyOverlayBuildsOnTheBase() throws IOException {
        List<Path> overlays = kustomizationDirs().stream().filter(d -> d.startsWith(RepoPaths.deploy().resolve("overlays")))
                .toList();
        assertFalse(overlays.isEmpty());
        for (Path overlay : overlays) {
            KustomizeTree tree = KustomizeTree.load(overlay);
            assertTrue(tree.kustomizationDirs().contains(BASE), overlay + " does not include deploy/base");
            assertEquals(KustomizeTree.load(BASE).resources().size(), tree.resources().size(),
                    overlay + " should add patches, not objects");
        }
    }

    @Test
    void everyPatchTargetsAnIncludedObjectAndItsContainers() throws IOException {
        for (Path dir : kustomizationDirs()) {
            KustomizeTree tree = KustomizeTree.load(dir);
            for (Manifest patch : tree.patches()) {
                Manifest target = tree.find(patch.resource().getKind(), patch.resource().getMetadata().getName());
                assertNotNull(target, dir + ": patch " + patch + " matches no included object");
                List<String> patched = containerNames(podTemplate(patch));
                List<String> existing = containerNames(podTemplate(target));
                assertTrue(existing.containsAll(patched),
                        dir + ": patch " + patch + " names containers " + patched + " but the target has " + existing
                                + " (a strategic merge would add a container without an image)");
            }
        }
    }

    @Test
    void everyImageOverrideMatchesAContainerImage() throws IOException {
        for (Path dir : kustomizationDirs()) {
            KustomizeTree tree = KustomizeTree.load(dir);
            Set<String> images = new HashSet<>();
            for (Manifest m : tree.resources()) {
                for (Container c : containers(podTemplate(m))) {
                    images.add(c.getImage().replaceFirst("[:@].*$", ""));
                }
            }
            for (Kustomization.Image image : tree.images()) {
                assertTrue(images.contains(image.name()),
                        dir + ": images entry " + image.name() + " matches no container image " + images);
            }
        }
    }

    @Test
    void everyFileUnderDeployIsIncludedSomewhere() throws IOException {
        Set<Path> reached = new HashSet<>();
        for (Path dir : kustomizationDirs()) {
            reached.addAll(KustomizeTree.load(dir).files());
        }
        List<Path> orphans = new ArrayList<>();
        for (Path file : ManifestModelTest.yamlFiles(RepoPaths.deploy())) {
            if (!reached.contains(file.toAbsolutePath().normalize())) {
                orphans.add(file);
            }
        }
        assertEquals(List.of(), orphans, "manifests no kustomization includes");
    }

    @Test
    void reportsReferencesThatDoNotResolve() {
        KustomizeTree tree = KustomizeTree.load(Fixtures.path("bad/kustomize-missing"));
        List<String> errors = tree.errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("../../deploy-not-here"), errors.toString());
        assertTrue(errors.get(1).contains("service.yaml"), errors.toString());
        assertTrue(errors.get(2).contains("missing-patch.yaml"), errors.toString());
    }

    /** Directories under deploy/ that hold a kustomization. */
    static List<Path> kustomizationDirs() throws IOException {
        try (Stream<Path> dirs = Files.walk(RepoPaths.deploy())) {
            return dirs.filter(Files::isDirectory).filter(d -> KustomizeTree.kustomizationFile(d) != null)
                    .map(d -> d.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    /** The pod template of a Deployment or StatefulSet, else {@code null}. */
    static PodTemplateSpec podTemplate(Manifest m) {
        if (m.resource() instanceof Deployment d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (m.resource() instanceof StatefulSet s && s.getSpec() != null) {
            return s.getSpec().getTemplate();
        }
        return null;
    }

    static List<Container> containers(PodTemplateSpec template) {
        return template == null || template.getSpec() == null ? List.of() : template.getSpec().getContainers();
    }

    private static List<String> containerNames(PodTemplateSpec template) {
        return containers(template).stream().map(Container::getName).toList();
    }
}
