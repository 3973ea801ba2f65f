package dev.streamtune.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads glosses from WordNet's {@code data.noun}, {@code data.verb}, {@code data.adj} and {@code data.adv}
 * (Debian package {@code wordnet-base}, in {@code /usr/share/wordnet}).
 *
 * <p>A synset line is {@code offset lex_filenum ss_type w_cnt word lex_id ... | gloss}; lines starting with two
 * spaces are the license header and are skipped.
 */
public final class WordNetReader {

    /** Where {@code wordnet-base} installs the database. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/wordnet");

    private final Path directory;

    public WordNetReader(Path directory) {
        this.directory = directory;
    }

    /** A reader of {@link #DEFAULT_DIRECTORY}. */
    public static WordNetReader system() {
        return new WordNetReader(DEFAULT_DIRECTORY);
    }

    /**
     * All glosses of one part of speech.
     *
     * @param pos {@code noun}, {@code verb}, {@code adj} or {@code adv}
     * @throws MissingDatasetException when the file is not there (with the command that installs it)
     * @throws DataFormatException for a malformed synset line
     */
    public List<WordNetGloss> read(String pos) {
        if (!List.of("noun", "verb", "adj", "adv").contains(pos)) {
            throw new IllegalArgumentException("part of speech must be noun, verb, adj or adv, got '" + pos + "'");
        }
        Path file = directory.resolve("data." + pos);
        if (!Files.isRegularFile(file)) {
            throw new MissingDatasetException("WordNet data file " + file + " is missing; install it with "
                    + "`apt-get install wordnet-base`");
        }
        List<WordNetGloss> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.startsWith("  ") || line.isBlank()) {
                    continue;
                }
                out.add(parse(line, file, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** Parses one synset line. */
    static WordNetGloss parse(String line, Path file, long number) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            throw new DataFormatException(file, number, "synset line has no gloss (no ' | ')");
        }
        String[] fields = line.substring(0, bar).split(" ", 4);
        if (fields.length < 3 || !fields[0].matches("\\d{8}") || !fields[1].matches("\\d{2}")
                || fields[2].length() != 1 || "nvasr".indexOf(fields[2].charAt(0)) < 0) {
            throw new DataFormatException(file, number, "expected 'offset(8 digits) lex_filenum(2 digits) ss_type' at"
                    + " the start of: " + abbreviate(line));
        }
        String lexname;
        try {
            lexname = LexNames.name(Integer.parseInt(fields[1]));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, number, e.getMessage());
        }
        String gloss = line.substring(bar + 3).trim();
        if (gloss.isEmpty()) {
            throw new DataFormatException(file, number, "synset " + fields[0] + " has an empty gloss");
        }
        return new WordNetGloss(fields[0], fields[2].charAt(0), lexname, gloss);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
