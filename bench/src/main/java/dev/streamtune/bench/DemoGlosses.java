package dev.streamtune.bench;

import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.core.random.SplitMix64;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real WordNet noun glosses of a few lexicographer classes, for the demo of {@code ./streamtune up}, {@code bench
 * e2e} and the end-to-end test: from the system's WordNet ({@code wordnet-base}) when it is installed, else from
 * the subset this project ships ({@value #SHIPPED_RESOURCE}, 600 synsets per class, same file format).
 */
public final class DemoGlosses {

    /** The demo's classes: lexicographer files with many synsets each. */
    public static final List<String> CLASSES = List.of("noun.animal", "noun.artifact", "noun.food", "noun.location",
            "noun.person", "noun.plant");
    /** Class-path location of the shipped subset of WordNet 3.0 {@code data.noun}. */
    public static final String SHIPPED_RESOURCE = "/wordnet-subset/data.noun";

    private final String source;
    private final Map<String, List<WordNetGloss>> byClass;

    private DemoGlosses(String source, Map<String, List<WordNetGloss>> byClass) {
        this.source = source;
        this.byClass = byClass;
    }

    /**
     * The glosses of {@link #CLASSES} from {@code wordnetDir/data.noun} when that file exists, else from the
     * shipped subset.
     */
    public static DemoGlosses open(Path wordnetDir) {
        if (Files.isRegularFile(wordnetDir.resolve("data.noun"))) {
            return of(new WordNetReader(wordnetDir), "WordNet 3.0 at " + wordnetDir.resolve("data.noun"));
        }
        return shipped("no " + wordnetDir.resolve("data.noun") + "; ");
    }

    /** The glosses of the shipped subset. */
    public static DemoGlosses shipped() {
        return shipped("");
    }

    private static DemoGlosses shipped(String why) {
        try (InputStream in = DemoGlosses.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is not on the class path");
            }
            Path dir = Files.createTempDirectory("streamtune-wordnet");
            Path file = dir.resolve("data.noun");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try {
                return of(new WordNetReader(dir), why + "the WordNet subset shipped in bench/src/main/resources" + SHIPPED_RESOURCE);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped WordNet subset", e);
        }
    }

    private static DemoGlosses of(WordNetReader reader, String source) {
        Map<String, List<WordNetGloss>> byClass = new LinkedHashMap<>();
        CLASSES.forEach(c -> byClass.put(c, new ArrayList<>()));
        for (WordNetGloss g : reader.read("noun")) {
            List<WordNetGloss> list = byClass.get(g.lexname());
            if (list != null) {
                list.add(g);
            }
        }
        return new DemoGlosses(source, byClass);
    }

    /** Where the glosses come from, for the output. */
    public String source() {
        return source;
    }

    /** How many glosses the smallest class has. */
    public int smallestClass() {
        return byClass.values().stream().mapToInt(List::size).min().orElse(0);
    }

    /**
     * {@code perClass} glosses of every class, after skipping the first {@code skip} of each class's shuffled
     * order ({@code seed}), mixed into one shuffled stream. Different {@code skip} ranges never share a gloss.
     *
     * @throws IllegalArgumentException when a class has fewer than {@code skip + perClass} glosses
     */
    public List<StackClient.Sample> samples(int skip, int perClass, long seed) {
        if (skip < 0 || perClass < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and perClass >= 1, got " + skip + " and " + perClass);
        }
        List<StackClient.Sample> out = new ArrayList<>();
        for (Map.Entry<String, List<WordNetGloss>> e : byClass.entrySet()) {
            List<WordNetGloss> pool = new ArrayList<>(e.getValue());
            if (pool.size() < skip + perClass) {
                throw new IllegalArgumentException(source + " has " + pool.size() + " glosses of " + e.getKey() + ", fewer than "
                        + (skip + perClass));
            }
            new SplitMix64(seed ^ e.getKey().hashCode()).shuffle(pool);
            for (WordNetGloss g : pool.subList(skip, skip + perClass)) {
                out.add(new StackClient.Sample("wn-n" + g.id(), g.gloss(), g.lexname()));
            }
        }
        new SplitMix64(seed).shuffle(out);
        return out;
    }
}
