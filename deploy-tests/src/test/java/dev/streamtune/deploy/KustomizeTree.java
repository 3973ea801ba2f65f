package dev.streamtune.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kustomization with every {@code resources} and {@code patches} reference followed, as kustomize would, but
 * without rendering: what it includes, which files it reads, and each reference that does not resolve.
 */
final class KustomizeTree {

    private final Path dir;
    private final Kustomization kustomization;
    private final List<Manifest> resources = new ArrayList<>();
    private final List<Manifest> patches = new ArrayList<>();
    private final List<Kustomization.Image> images = new ArrayList<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<Path> kustomizationDirs = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();

    private KustomizeTree(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.kustomization = visit(this.dir, new LinkedHashSet<>());
    }

    /** Reads the kustomization in {@code dir} and everything it references. */
    static KustomizeTree load(Path dir) {
        return new KustomizeTree(dir);
    }

    /** The kustomization file of a directory, or {@code null} if it has none. */
    static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    /** Reads one kustomization file strictly. */
    static Kustomization readKustomization(Path file) throws IOException {
        return StrictYaml.mapper().readValue(file.toFile(), Kustomization.class);
    }

    Path dir() {
        return dir;
    }

    /** The top kustomization. */
    Kustomization kustomization() {
        return kustomization;
    }

    /** Every object included, from this directory and the ones it includes. */
    List<Manifest> resources() {
        return resources;
    }

    /** Strategic-merge patches of this kustomization and those it includes, parsed as (partial) objects. */
    List<Manifest> patches() {
        return patches;
    }

    /** {@code images:} entries of this kustomization and those it includes. */
    List<Kustomization.Image> images() {
        return images;
    }

    /** Every file read: kustomizations, resources, patches. */
    Set<Path> files() {
        return files;
    }

    /** Directories whose kustomization was included (this one first). */
    Set<Path> kustomizationDirs() {
        return kustomizationDirs;
    }

    /** References that do not resolve, files that do not parse, cycles; empty when the tree is sound. */
    List<String> errors() {
        return errors;
    }

    /** The included object of that kind and name, or {@code null}. */
    Manifest find(String kind, String name) {
        return resources.stream()
                .filter(m -> m.resource().getKind().equals(kind) && m.resource().getMetadata().getName().equals(name))
                .findFirst().orElse(null);
    }

    /** Included objects of one model type. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private Kustomization visit(Path kdir, Set<Path> path) {
        Path file = kustomizationFile(kdir);
        if (file == null) {
            errors.add(kdir + ": no kustomization.yaml");
            return null;
        }
        if (!path.add(kdir)) {
            errors.add(kdir + ": included in a cycle " + path);
            return null;
        }
        kustomizationDirs.add(kdir);
        files.add(file);
        Kustomization k;
        try {
            k = readKustomization(file);
        } catch (IOException e) {
            errors.add(file + ": " + e.getMessage());
            path.remove(kdir);
            return null;
        }
        for (String ref : k.resources()) {
            Path target = resolve(file, "resources", ref);
            if (target == null) {
                continue;
            }
            if (Files.isDirectory(target)) {
                visit(target, path);
            } else {
                readInto(target, resources);
            }
        }
        for (Kustomization.Patch patch : k.patches()) {
            if ((patch.path() == null) == (patch.patch() == null)) {
                errors.add(file + ": a patch needs exactly one of path and patch");
            } else if (patch.path() != null) {
                Path target = resolve(file, "patches", patch.path());
                if (target != null && Files.isRegularFile(target)) {
                    readInto(target, patches);
                } else if (target != null) {
                    errors.add(file + ": patch " + patch.path() + " is not a file");
                }
            }
        }
        images.addAll(k.images());
        path.remove(kdir);
        return k;
    }

    private Path resolve(Path kfile, String field, String ref) {
        if (ref.contains("://") || ref.startsWith("github.com/")) {
            errors.add(kfile + ": " + field + " entry " + ref + " is remote; keep deploy/ self-contained");
            return null;
        }
        Path target = kfile.getParent().resolve(ref).normalize();
        if (!Files.exists(target)) {
            errors.add(kfile + ": " + field + " entry " + ref + " does not exist (" + target + ")");
            return null;
        }
        return target;
    }

    private void readInto(Path file, List<Manifest> into) {
        files.add(file);
        try {
            into.addAll(ManifestReader.read(file));
        } catch (ManifestReader.ManifestException e) {
            errors.add(e.getMessage());
        }
    }
}
