package dev.streamtune.bench;

import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two WordNet text streams of {@code bench finetune}, each a list of experiences with their own train and
 * test glosses (disjoint, drawn at random with a fixed seed):
 *
 * <ul>
 *   <li>class-incremental: noun glosses labelled with their lexicographer class, two new classes per experience;
 *   <li>domain shift: the same four classes (body, cognition, communication, possession) first as noun glosses,
 *       then as verb glosses.
 * </ul>
 */
final class GlossStreams {

    /** One experience: its name, training and test examples. */
    record Experience(String name, List<LabeledText> train, List<LabeledText> test) {}

    /** A named sequence of experiences. */
    record TextStream(String name, List<Experience> experiences) {

        /** Every example of every experience. */
        List<LabeledText> all() {
            List<LabeledText> out = new ArrayList<>();
            for (Experience e : experiences) {
                out.addAll(e.train());
                out.addAll(e.test());
            }
            return out;
        }
    }

    /** Noun classes of the class-incremental stream, two per experience, in order. */
    static final List<String> INCREMENTAL_CLASSES = List.of("animal", "plant", "food", "artifact", "person", "location",
            "body", "substance", "time", "feeling");
    /** Classes shared by nouns and verbs for the domain-shift stream. */
    static final List<String> SHARED_CLASSES = List.of("body", "cognition", "communication", "possession");

    private final WordNetReader reader;
    private final int trainPerClass;
    private final int testPerClass;
    private final long seed;

    GlossStreams(WordNetReader reader, int trainPerClass, int testPerClass, long seed) {
        this.reader = reader;
        this.trainPerClass = trainPerClass;
        this.testPerClass = testPerClass;
        this.seed = seed;
    }

    /** Five experiences of two new noun classes each; labels are lexnames such as {@code noun.animal}. */
    TextStream classIncremental() {
        Map<String, List<WordNetGloss>> nouns = byLexname("noun");
        List<Experience> experiences = new ArrayList<>();
        for (int i = 0; i < INCREMENTAL_CLASSES.size(); i += 2) {
            List<String> classes = INCREMENTAL_CLASSES.subList(i, i + 2);
            experiences.add(experience(String.join("+", classes), nouns, "noun.", classes, "noun."));
        }
        return new TextStream("class-incremental", experiences);
    }

    /** Two experiences: nouns, then verbs, of the same four classes; labels are the class names. */
    TextStream domainShift() {
        return new TextStream("domain-shift", List.of(
                experience("nouns", byLexname("noun"), "noun.", SHARED_CLASSES, ""),
                experience("verbs", byLexname("verb"), "verb.", SHARED_CLASSES, "")));
    }

    private Experience experience(String name, Map<String, List<WordNetGloss>> glosses, String lexPrefix,
            List<String> classes, String labelPrefix) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> test = new ArrayList<>();
        for (String c : classes) {
            List<WordNetGloss> pool = new ArrayList<>(glosses.getOrDefault(lexPrefix + c, List.of()));
            int needed = trainPerClass + testPerClass;
            if (pool.size() < needed) {
                throw new IllegalStateException("WordNet has " + pool.size() + " glosses of " + lexPrefix + c
                        + ", the bench needs " + needed);
            }
            new SplitMix64(seed ^ (lexPrefix + c).hashCode()).shuffle(pool);
            for (int k = 0; k < needed; k++) {
                WordNetGloss g = pool.get(k);
                LabeledText example = new LabeledText(g.partOfSpeech() + g.id(), g.gloss(), labelPrefix + c);
                (k < trainPerClass ? train : test).add(example);
            }
        }
        return new Experience(name, train, test);
    }

    private Map<String, List<WordNetGloss>> byLexname(String pos) {
        return reader.read(pos).stream().collect(Collectors.groupingBy(WordNetGloss::lexname));
    }
}
