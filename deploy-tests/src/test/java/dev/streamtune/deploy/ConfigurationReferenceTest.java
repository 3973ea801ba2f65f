package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration reference names every variable the deployments set, and only ones a service reads. */
class ConfigurationReferenceTest {

    private static final Pattern SERVICE_VARIABLE = Pattern.compile("`((?:INGEST|TRAINER|INFERENCE)_[A-Z0-9_]+)`");

    @Test
    void readmeDocumentsEveryVariableTheDeploymentsSet() throws IOException {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"));
        Set<String> set = new TreeSet<>();
        for (Path dir : KustomizationTest.kustomizationDirs()) {
            KustomizeTree tree = KustomizeTree.load(dir);
            tree.all(ConfigMap.class).forEach(cm -> set.addAll(cm.getData().keySet()));
            for (Manifest m : tree.resources()) {
                for (Container c : KustomizationTest.containers(KustomizationTest.podTemplate(m))) {
                    c.getEnv().stream().map(EnvVar::getName).forEach(set::add);
                }
            }
            for (Manifest patch : tree.patches()) {
                for (Container c : KustomizationTest.containers(KustomizationTest.podTemplate(patch))) {
                    c.getEnv().stream().map(EnvVar::getName).forEach(set::add);
                }
            }
        }
        ComposeFile compose = ComposeFile.read(RepoPaths.root().resolve("docker-compose.yml"));
        compose.services().values().stream().filter(s -> s.build() != null)
                .forEach(s -> set.addAll(s.environment().keySet()));
        assertFalse(set.isEmpty());
        List<String> undocumented = set.stream().filter(v -> !readme.contains("`" + v + "`")).toList();
        assertEquals(List.of(), undocumented, "README.md, section Configuration");
    }

    @Test
    void documentedServiceVariablesAreReadBySomeService() throws IOException {
        Services services = Services.of(RepoPaths.root());
        for (Path doc : List.of(RepoPaths.root().resolve("README.md"), RepoPaths.deploy().resolve("README.md"))) {
            Matcher m = SERVICE_VARIABLE.matcher(Files.readString(doc));
            Set<String> unknown = new TreeSet<>();
            while (m.find()) {
                String name = m.group(1);
                if (services.modules().stream().noneMatch(module -> services.module(module).reads(name))) {
                    unknown.add(name);
                }
            }
            assertEquals(Set.of(), unknown, doc + " documents variables no service reads");
        }
    }
}
