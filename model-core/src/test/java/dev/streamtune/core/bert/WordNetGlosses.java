package dev.streamtune.core.bert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real English sentences for tests: WordNet noun glosses (package wordnet-base), optionally by lexicographer file. */
final class WordNetGlosses {

    /** Lexicographer file numbers (lexnames(5)). */
    static final int ANIMAL = 5;
    static final int FOOD = 13;
    static final int PLANT = 20;

    private static final Path NOUNS = Path.of("/usr/share/wordnet/data.noun");

    private WordNetGlosses() {}

    /** The first {@code count} noun glosses. */
    static List<String> nouns(int count) {
        return synsets().map(WordNetGlosses::gloss).limit(count).toList();
    }

    /** The first {@code count} glosses of lexicographer file {@code lexFile} as examples labelled {@code label}. */
    static List<LabeledText> examples(int lexFile, String label, int count) {
        String file = String.format("%02d", lexFile);
        return synsets().filter(l -> l.split(" ", 3)[1].equals(file))
                .limit(count)
                .map(l -> new LabeledText("wn-n-" + l.substring(0, 8), gloss(l), label))
                .toList();
    }

    private static Stream<String> synsets() {
        try {
            return Files.readAllLines(NOUNS, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith(" ") && l.contains("|") && !gloss(l).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("WordNet is missing (apt-get install wordnet-base): " + NOUNS, e);
        }
    }

    private static String gloss(String line) {
        return line.substring(line.indexOf('|') + 1).trim();
    }
}
