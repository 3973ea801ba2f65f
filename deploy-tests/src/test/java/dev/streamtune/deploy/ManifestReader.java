package dev.streamtune.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Kubernetes manifests into the fabric8 (core kinds) and Strimzi (Kafka CRs) model classes, strictly: an
 * unknown {@code apiVersion}/{@code kind}, a field the model does not have, or a value of the wrong type is an error
 * naming the file, the document and the field path.
 */
final class ManifestReader {

    /**
     * Strimzi API versions accepted. Strimzi 1.0 is the only release line that runs Kafka 4.1.2, and it serves only
     * {@code v1} ({@code v1beta2} was removed). Its model classes need Java 21, so the checks use those of 0.51 (Java
     * 17), which already describe {@code v1}; {@link StrimziVersionFilter} removes what {@code v1} dropped.
     */
    private static final List<String> STRIMZI_VERSIONS = List.of(StrimziVersionFilter.VERSION);

    private static final Map<String, Class<? extends HasMetadata>> MODELS = models();

    private ManifestReader() {
    }

    /** Every object in {@code file}. */
    static List<Manifest> read(Path file) {
        List<JsonNode> docs;
        try {
            docs = StrictYaml.documents(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            manifests.add(new Manifest(file, i, toModel(file, i, docs.get(i))));
        }
        return manifests;
    }

    /** The {@code apiVersion kind} pairs this reader knows, e.g. {@code apps/v1 Deployment}. */
    static Iterable<String> knownTypes() {
        return MODELS.keySet();
    }

    private static HasMetadata toModel(Path file, int index, JsonNode doc) {
        String type = doc.path("apiVersion").asText() + " " + doc.path("kind").asText();
        Class<? extends HasMetadata> model = MODELS.get(type);
        if (model == null) {
            throw new ManifestException(file + " #" + index + ": no model for '" + type + "'; known: " + MODELS.keySet(),
                    null);
        }
        HasMetadata resource;
        try {
            resource = StrictYaml.mapper().treeToValue(doc, model);
        } catch (IOException e) {
            throw new ManifestException(file + " #" + index + " (" + type + "): " + e.getMessage(), e);
        }
        if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
            throw new ManifestException(file + " #" + index + " (" + type + "): metadata.name is missing", null);
        }
        return resource;
    }

    private static Map<String, Class<? extends HasMetadata>> models() {
        Map<String, Class<? extends HasMetadata>> models = new TreeMap<>();
        for (Class<? extends HasMetadata> core : List.of(Namespace.class, ConfigMap.class, Secret.class,
                Service.class, Deployment.class, StatefulSet.class, HorizontalPodAutoscaler.class,
                PodDisruptionBudget.class)) {
            models.put(HasMetadata.getApiVersion(core) + " " + HasMetadata.getKind(core), core);
        }
        for (Class<? extends HasMetadata> strimzi : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class)) {
            for (String version : STRIMZI_VERSIONS) {
                models.put(HasMetadata.getGroup(strimzi) + "/" + version + " " + HasMetadata.getKind(strimzi), strimzi);
            }
        }
        return models;
    }

    /** A manifest that does not fit the model. */
    static final class ManifestException extends RuntimeException {
        ManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
