package dev.streamtune.core.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real English text for tests: WordNet noun glosses (package wordnet-base). */
final class WordNetText {

    private static final Path NOUNS = Path.of("/usr/share/wordnet/data.noun");

    private WordNetText() {}

    /** The first {@code count} noun glosses (the text after {@code |} on each synset line). */
    static List<String> glosses(int count) {
        List<String> out = new ArrayList<>(count);
        try (Stream<String> lines = Files.lines(NOUNS, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.startsWith(" ") && l.contains("|"))
                    .map(l -> l.substring(l.indexOf('|') + 1).trim())
                    .filter(g -> !g.isEmpty())
                    .limit(count)
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("WordNet is missing (apt-get install wordnet-base): " + NOUNS, e);
        }
        return out;
    }

    /** Glosses joined into one text of exactly {@code words} words. */
    static String words(int words) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (String gloss : glosses(words)) {
            for (String word : gloss.split("\\s+")) {
                if (count == words) {
                    return text.toString();
                }
                text.append(count == 0 ? "" : " ").append(word);
                count++;
            }
        }
        return text.toString();
    }
}
