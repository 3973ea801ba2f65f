package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes workloads against the services they run: ports equal {@code quarkus.http.port}, probes use the
 * SmallRye Health paths, every environment variable is one the service reads, Services and autoscaling point at
 * the right pods, and the secret keys are the ones the deployment guide creates.
 */
class WorkloadWiringTest {

    private static final String LIVE = "/q/health/live";
    private static final String READY = "/q/health/ready";
    private static final String STARTED = "/q/health/started";

    private static Services services;
    private static Map<Path, KustomizeTree> trees;

    @BeforeAll
    static void load() throws IOException {
        services = Services.of(RepoPaths.root());
        trees = new LinkedHashMap<>();
        for (Path dir : KustomizationTest.kustomizationDirs()) {
            KustomizeTree tree = KustomizeTree.load(dir);
            assertEquals(List.of(), tree.errors(), dir.toString());
            trees.put(dir, tree);
        }
    }

    @Test
    void everyServiceRunsInTheBaseFromItsImage() {
        Set<String> deployed = new TreeSet<>();
        for (Manifest m : trees.get(KustomizationTest.BASE).resources()) {
            for (Container c : KustomizationTest.containers(KustomizationTest.podTemplate(m))) {
                ServiceConfig service = services.forImage(c.getImage());
                assertNotNull(service, m + ": image " + c.getImage() + " is none of " + services.modules());
                deployed.add(service.module());
            }
        }
        assertEquals(new TreeSet<>(services.modules()), deployed);
    }

    @Test
    void containerPortsProbesAndMetricsMatchTheService() {
        List<String> problems = new ArrayList<>();
        forEachContainer((tree, m, c, service) -> {
            String where = tree.dir().getFileName() + ": " + m + " container " + c.getName();
            ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElse(null);
            if (http == null || http.getContainerPort() != service.httpPort()) {
                problems.add(where + ": port 'http' must be " + service.httpPort() + " (quarkus.http.port of "
                        + service.module() + "), is " + (http == null ? "missing" : http.getContainerPort()));
            }
            checkProbe(problems, where + " liveness", c.getLivenessProbe(), LIVE, c, service);
            checkProbe(problems, where + " readiness", c.getReadinessProbe(), READY, c, service);
            if (c.getStartupProbe() != null) {
                checkProbe(problems, where + " startup", c.getStartupProbe(), STARTED, c, service);
            }
            Map<String, String> annotations = KustomizationTest.podTemplate(m).getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey("prometheus.io/port")) {
                if (!annotations.get("prometheus.io/port").equals(Integer.toString(service.httpPort()))
                        || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
                    problems.add(where + ": prometheus.io annotations must name port " + service.httpPort()
                            + " and /q/metrics, are " + annotations);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnvironmentVariableIsReadByTheService() {
        List<String> problems = new ArrayList<>();
        forEachContainer((tree, m, c, service) -> {
            for (String name : environmentNames(tree, c, problems)) {
                if (!service.reads(name)) {
                    problems.add(tree.dir().getFileName() + ": " + m + " sets " + name + ", which " + service.module()
                            + " does not read (no property maps to it)");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void djlVariablesAreReadByDjl() {
        Services.DJL_VARIABLES.forEach((name, reader) -> assertTrue(Services.libraryReads(reader, name),
                reader + " no longer mentions " + name));
        assertFalse(Services.libraryReads("ai/djl/util/Utils.class", "STREAMTUNE_NOT_A_DJL_VARIABLE"));
    }

    @Test
    void recognisesVariablesByThePropertyTheyOverride() {
        ServiceConfig ingest = services.module("ingest-service");
        assertTrue(ingest.reads("INGEST_SECURITY_ADMIN_KEY"));
        assertTrue(ingest.reads("INGEST_TOPICS_REPLICATION_FACTOR"));
        assertTrue(ingest.reads("KAFKA_BOOTSTRAP_SERVERS"));
        assertFalse(ingest.reads("INGEST_SECURITY_ADMN_KEY"));
        assertFalse(ingest.reads("STREAMTUNE_SIGNING_KEY"), "ingest does not sign or verify versions");
        ServiceConfig trainer = services.module("trainer-service");
        assertTrue(trainer.reads("STREAMTUNE_SIGNING_KEY"));
        assertTrue(trainer.reads("TRAINER_LEARNER_LEARNING_RATE"));
        assertFalse(trainer.reads("INGEST_SECURITY_MODE"));
        assertEquals(8081, ingest.httpPort());
    }

    @Test
    void secretKeysAreTheOnesTheGuideCreates() throws IOException {
        String guide = Files.readString(RepoPaths.deploy().resolve("README.md"));
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("--from-literal=([a-z0-9-]+)=").matcher(guide);
        while (m.find()) {
            created.add(m.group(1));
        }
        Set<String> referenced = new TreeSet<>();
        forEachContainer((tree, manifest, c, service) -> c.getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> {
                    assertEquals("streamtune-keys", e.getValueFrom().getSecretKeyRef().getName(), manifest.toString());
                    referenced.add(e.getValueFrom().getSecretKeyRef().getKey());
                }));
        assertFalse(referenced.isEmpty());
        assertEquals(created, referenced, "deploy/README.md's `kubectl create secret` vs the manifests' secretKeyRefs");
    }

    @Test
    void everyContainerHasRequestsWithinLimits() {
        List<String> problems = new ArrayList<>();
        forEachContainer((tree, m, c, service) -> {
            var resources = c.getResources();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = resources == null || resources.getRequests() == null ? null
                        : resources.getRequests().get(resource);
                Quantity limit = resources == null || resources.getLimits() == null ? null
                        : resources.getLimits().get(resource);
                if (request == null || limit == null) {
                    problems.add(m + " " + c.getName() + ": " + resource + " request and limit are both needed");
                } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(m + " " + c.getName() + ": " + resource + " request " + request + " > limit " + limit);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void servicesSelectTheirPodsAndPorts() {
        for (KustomizeTree tree : trees.values()) {
            for (Service svc : tree.all(Service.class)) {
                List<Manifest> selected = tree.resources().stream()
                        .filter(m -> KustomizationTest.podTemplate(m) != null)
                        .filter(m -> matches(svc.getSpec().getSelector(), KustomizationTest.podTemplate(m)))
                        .toList();
                assertEquals(1, selected.size(), "Service " + svc.getMetadata().getName() + " selects " + selected);
                Container c = KustomizationTest.containers(KustomizationTest.podTemplate(selected.get(0))).get(0);
                ServiceConfig service = services.forImage(c.getImage());
                for (ServicePort port : svc.getSpec().getPorts()) {
                    assertEquals(service.httpPort(), resolvePort(port.getTargetPort(), c),
                            "Service " + svc.getMetadata().getName() + " targetPort");
                    assertEquals(service.httpPort(), port.getPort(),
                            "Service " + svc.getMetadata().getName() + " port (the README's port-forwards use it)");
                }
            }
            for (StatefulSet sts : tree.all(StatefulSet.class)) {
                assertNotNull(tree.find("Service", sts.getSpec().getServiceName()),
                        "StatefulSet " + sts.getMetadata().getName() + " serviceName");
            }
        }
    }

    @Test
    void autoscalerAndDisruptionBudgetFitTheirWorkloads() {
        KustomizeTree base = trees.get(KustomizationTest.BASE);
        List<HorizontalPodAutoscaler> hpas = base.all(HorizontalPodAutoscaler.class);
        assertFalse(hpas.isEmpty(), "the issue asks for an HPA on inference");
        for (HorizontalPodAutoscaler hpa : hpas) {
            var ref = hpa.getSpec().getScaleTargetRef();
            Manifest target = base.find(ref.getKind(), ref.getName());
            assertNotNull(target, "HPA " + hpa.getMetadata().getName() + " targets " + ref.getKind() + "/" + ref.getName());
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
            boolean cpuUtilization = hpa.getSpec().getMetrics().stream().anyMatch(x -> x.getResource() != null
                    && "cpu".equals(x.getResource().getName())
                    && "Utilization".equals(x.getResource().getTarget().getType()));
            if (cpuUtilization) {
                for (Container c : KustomizationTest.containers(KustomizationTest.podTemplate(target))) {
                    assertNotNull(c.getResources().getRequests().get("cpu"),
                            "CPU utilisation needs a cpu request on " + c.getName());
                }
            }
        }
        for (PodDisruptionBudget pdb : base.all(PodDisruptionBudget.class)) {
            List<Manifest> selected = base.resources().stream()
                    .filter(m -> KustomizationTest.podTemplate(m) != null)
                    .filter(m -> matches(pdb.getSpec().getSelector().getMatchLabels(), KustomizationTest.podTemplate(m)))
                    .toList();
            assertEquals(1, selected.size(), "PDB " + pdb.getMetadata().getName() + " selects " + selected);
            int minReplicas = hpas.stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName()
                            .equals(selected.get(0).resource().getMetadata().getName()))
                    .mapToInt(h -> h.getSpec().getMinReplicas()).min().orElse(1);
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            assertTrue(minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() < minReplicas,
                    "PDB " + pdb.getMetadata().getName() + " minAvailable must stay below " + minReplicas
                            + " replicas, or no node can be drained");
        }
    }

    @Test
    void gpuOverlayPutsTheTrainerOnOneGpu() {
        KustomizeTree gpu = trees.get(RepoPaths.deploy().resolve("overlays/gpu"));
        assertNotNull(gpu);
        Manifest patch = gpu.patches().stream().filter(p -> p.resource() instanceof StatefulSet).findFirst()
                .orElseThrow(() -> new AssertionError("the gpu overlay has no StatefulSet patch"));
        PodTemplateSpec template = KustomizationTest.podTemplate(patch);
        Container trainer = KustomizationTest.containers(template).get(0);
        Manifest target = gpu.find("StatefulSet", patch.resource().getMetadata().getName());
        Container base = KustomizationTest.containers(KustomizationTest.podTemplate(target)).stream()
                .filter(c -> c.getName().equals(trainer.getName())).findFirst().orElseThrow();
        assertEquals("trainer-service", services.forImage(base.getImage()).module());
        assertEquals(new Quantity("1"), trainer.getResources().getRequests().get("nvidia.com/gpu"));
        assertEquals(new Quantity("1"), trainer.getResources().getLimits().get("nvidia.com/gpu"));
        assertFalse(template.getSpec().getNodeSelector().isEmpty(), "GPU node selector");
        assertTrue(template.getSpec().getTolerations().stream().anyMatch(t -> "nvidia.com/gpu".equals(t.getKey())),
                "toleration for the nvidia.com/gpu taint");
        ServiceConfig service = services.forImage(base.getImage());
        for (EnvVar env : trainer.getEnv()) {
            assertTrue(service.reads(env.getName()), "gpu overlay sets " + env.getName() + ", which the trainer does not read");
        }
        assertTrue(gpu.images().stream().anyMatch(i -> i.name().equals("streamtune/trainer-service")
                && i.newTag() != null && i.newTag().contains("cu")), "the overlay must switch to the CUDA trainer image");
    }

    private interface ContainerCheck {
        void check(KustomizeTree tree, Manifest workload, Container container, ServiceConfig service);
    }

    /** Runs {@code check} on every container of every workload in every kustomization, with its service. */
    private static void forEachContainer(ContainerCheck check) {
        for (KustomizeTree tree : trees.values()) {
            for (Manifest m : tree.resources()) {
                for (Container c : KustomizationTest.containers(KustomizationTest.podTemplate(m))) {
                    ServiceConfig service = services.forImage(c.getImage());
                    assertNotNull(service, m + ": image " + c.getImage());
                    check.check(tree, m, c, service);
                }
            }
        }
    }

    /** The variables a container gets: its {@code env} and every key of the ConfigMaps in its {@code envFrom}. */
    private static List<String> environmentNames(KustomizeTree tree, Container c, List<String> problems) {
        List<String> names = new ArrayList<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                problems.add(c.getName() + ": envFrom other than a ConfigMap cannot be checked");
                continue;
            }
            Manifest cm = tree.find("ConfigMap", from.getConfigMapRef().getName());
            if (cm == null) {
                problems.add(c.getName() + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " is not included");
                continue;
            }
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            cm.as(ConfigMap.class).getData().keySet().forEach(k -> names.add(prefix + k));
        }
        for (EnvVar env : c.getEnv()) {
            names.add(env.getName());
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                Manifest cm = tree.find("ConfigMap", ref.getName());
                if (cm == null || !cm.as(ConfigMap.class).getData().containsKey(ref.getKey())) {
                    problems.add(c.getName() + ": " + env.getName() + " refers to missing " + ref.getName() + "/" + ref.getKey());
                }
            }
        }
        return names;
    }

    private static void checkProbe(List<String> problems, String where, Probe probe, String path, Container c,
            ServiceConfig service) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + ": needs an httpGet probe on " + path);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": path " + probe.getHttpGet().getPath() + ", expected " + path);
        }
        Integer port = resolvePort(probe.getHttpGet().getPort(), c);
        if (port == null || port != service.httpPort()) {
            IntOrString named = probe.getHttpGet().getPort();
            problems.add(where + ": port " + (named == null ? null : named.getIntVal() != null ? named.getIntVal()
                    : named.getStrVal()) + " is " + port + ", not " + service.httpPort());
        }
    }

    /** A port by number or by the name of one of the container's ports; {@code null} if the name is unknown. */
    private static Integer resolvePort(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static boolean matches(Map<String, String> selector, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }
}
