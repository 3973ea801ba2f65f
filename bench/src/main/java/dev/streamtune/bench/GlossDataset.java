package dev.streamtune.bench;

import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.core.eval.HoldoutSelector;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * WordNet noun glosses of chosen lexicographer classes: up to {@code perClass} per class (a seeded sample),
 * split into train and test by a deterministic hash of the synset id.
 *
 * @param classes the classes, in stream order
 * @param train training glosses per class
 * @param test test glosses per class
 */
record GlossDataset(List<String> classes, Map<String, List<WordNetGloss>> train, Map<String, List<WordNetGloss>> test) {

    /** Samples {@code perClass} noun glosses of each class and holds out {@code testFraction} of them by id hash. */
    static GlossDataset load(List<String> classes, int perClass, double testFraction, long seed) {
        Map<String, List<WordNetGloss>> byClass = WordNetReader.system().read("noun").stream()
                .filter(g -> classes.contains(g.lexname()))
                .collect(Collectors.groupingBy(WordNetGloss::lexname));
        HoldoutSelector testSplit = new HoldoutSelector(testFraction);
        Map<String, List<WordNetGloss>> train = new LinkedHashMap<>();
        Map<String, List<WordNetGloss>> test = new LinkedHashMap<>();
        for (String c : classes) {
            List<WordNetGloss> all = new ArrayList<>(byClass.getOrDefault(c, List.of()));
            if (all.size() < perClass) {
                throw new IllegalStateException("class " + c + " has only " + all.size() + " glosses, " + perClass + " wanted");
            }
            all.sort(Comparator.comparing(WordNetGloss::id));
            new SplitMix64(seed ^ c.hashCode()).shuffle(all);
            List<WordNetGloss> chosen = all.subList(0, perClass);
            train.put(c, chosen.stream().filter(g -> !testSplit.isHoldout(g.id())).toList());
            test.put(c, chosen.stream().filter(g -> testSplit.isHoldout(g.id())).toList());
        }
        return new GlossDataset(List.copyOf(classes), train, test);
    }

    /** Every chosen gloss, train then test, class by class. */
    List<WordNetGloss> all() {
        List<WordNetGloss> out = new ArrayList<>();
        for (String c : classes) {
            out.addAll(train.get(c));
            out.addAll(test.get(c));
        }
        return out;
    }
}
