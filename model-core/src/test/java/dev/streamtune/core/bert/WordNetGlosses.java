package dev.streamtune.core.bert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real English sentences for tests: WordNet noun glosses (package wordnet-base). */
final class WordNetGlosses {

    private static final Path NOUNS = Path.of("/usr/share/wordnet/data.noun");

    private WordNetGlosses() {}

    /** The first {@code count} noun glosses. */
    static List<String> nouns(int count) {
        try (Stream<String> lines = Files.lines(NOUNS, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.startsWith(" ") && l.contains("|"))
                    .map(l -> l.substring(l.indexOf('|') + 1).trim())
                    .filter(g -> !g.isEmpty())
                    .limit(count)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("WordNet is missing (apt-get install wordnet-base): " + NOUNS, e);
        }
    }
}
