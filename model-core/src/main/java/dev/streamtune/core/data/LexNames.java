package dev.streamtune.core.data;

import java.util.List;

/**
 * WordNet's lexicographer files, numbered as in {@code lexnames(5)}: the number in the second field of every
 * synset line of {@code data.*} names the semantic class of the synset.
 */
public final class LexNames {

    /** Index = lexicographer file number, WordNet 3.0. */
    private static final List<String> NAMES = List.of(
            "adj.all",            // 00 all adjective clusters
            "adj.pert",           // 01 relational adjectives (pertainyms)
            "adv.all",            // 02 all adverbs
            "noun.Tops",          // 03 unique beginner for nouns
            "noun.act",           // 04 acts or actions
            "noun.animal",        // 05 animals
            "noun.artifact",      // 06 man-made objects
            "noun.attribute",     // 07 attributes of people and objects
            "noun.body",          // 08 body parts
            "noun.cognition",     // 09 cognitive processes and contents
            "noun.communication", // 10 communicative processes and contents
            "noun.event",         // 11 natural events
            "noun.feeling",       // 12 feelings and emotions
            "noun.food",          // 13 foods and drinks
            "noun.group",         // 14 groupings of people or objects
            "noun.location",      // 15 spatial position
            "noun.motive",        // 16 goals
            "noun.object",        // 17 natural objects (not man-made)
            "noun.person",        // 18 people
            "noun.phenomenon",    // 19 natural phenomena
            "noun.plant",         // 20 plants
            "noun.possession",    // 21 possession and transfer of possession
            "noun.process",       // 22 natural processes
            "noun.quantity",      // 23 quantities and units of measure
            "noun.relation",      // 24 relations between people or things or ideas
            "noun.shape",         // 25 two and three dimensional shapes
            "noun.state",         // 26 stable states of affairs
            "noun.substance",     // 27 substances
            "noun.time",          // 28 time and temporal relations
            "verb.body",          // 29 grooming, dressing and bodily care
            "verb.change",        // 30 size, temperature change, intensifying, etc.
            "verb.cognition",     // 31 thinking, judging, analyzing, doubting
            "verb.communication", // 32 telling, asking, ordering, singing
            "verb.competition",   // 33 fighting, athletic activities
            "verb.consumption",   // 34 eating and drinking
            "verb.contact",       // 35 touching, hitting, tying, digging
            "verb.creation",      // 36 sewing, baking, painting, performing
            "verb.emotion",       // 37 feeling
            "verb.motion",        // 38 walking, flying, swimming
            "verb.perception",    // 39 seeing, hearing, feeling
            "verb.possession",    // 40 buying, selling, owning
            "verb.social",        // 41 political and social activities and events
            "verb.stative",       // 42 being, having, spatial relations
            "verb.weather",       // 43 raining, snowing, thawing, thundering
            "adj.ppl");           // 44 participial adjectives

    private LexNames() {}

    /** Number of lexicographer files. */
    public static int count() {
        return NAMES.size();
    }

    /**
     * The name of lexicographer file {@code number}, e.g. 5 → {@code noun.animal}.
     *
     * @throws IllegalArgumentException for a number outside {@code 0..44}
     */
    public static String name(int number) {
        if (number < 0 || number >= NAMES.size()) {
            throw new IllegalArgumentException("no lexicographer file number " + number + " (WordNet has 00 to "
                    + (NAMES.size() - 1) + ")");
        }
        return NAMES.get(number);
    }

    /** The number of lexicographer file {@code name}, or -1 when there is none. */
    public static int number(String name) {
        return NAMES.indexOf(name);
    }
}
