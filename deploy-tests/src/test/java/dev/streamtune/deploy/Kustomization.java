package dev.streamtune.deploy;

import java.util.List;
import java.util.Map;

/**
 * The part of a {@code kustomization.yaml} that StreamTune uses, as a strict model: a field not listed here (a typo,
 * or a kustomize feature the checks do not understand yet) fails the read instead of being ignored.
 */
record Kustomization(String apiVersion, String kind, String namespace, List<Label> labels, List<String> resources,
        List<Patch> patches, List<Image> images) {

    Kustomization {
        labels = labels == null ? List.of() : labels;
        resources = resources == null ? List.of() : resources;
        patches = patches == null ? List.of() : patches;
        images = images == null ? List.of() : images;
    }

    /** {@code labels:} entry. */
    record Label(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {
    }

    /** {@code patches:} entry: a file ({@code path}) or inline ({@code patch}), optionally with a target. */
    record Patch(String path, String patch, Target target) {
    }

    /** Which objects a patch applies to. */
    record Target(String group, String version, String kind, String name, String namespace, String labelSelector,
            String annotationSelector) {
    }

    /** {@code images:} entry: rewrites the image {@code name} of every container that uses it. */
    record Image(String name, String newName, String newTag, String digest) {
    }
}
