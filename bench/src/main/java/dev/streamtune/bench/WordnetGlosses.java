package dev.streamtune.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WordNet data file ({@code data.noun} of the Debian package {@code wordnet-base}) into labeled texts:
 * the text is the synset's words and gloss ({@code "dog, domestic dog, Canis familiaris: a member of ..."}), the
 * label its lexicographer file name ({@code noun.animal}, see {@code lexnames(5)}).
 */
public final class WordnetGlosses {

    /** The noun data file installed by {@code apt-get install wordnet-base}. */
    public static final Path DEFAULT_NOUNS = Path.of("/usr/share/wordnet/data.noun");

    /** Lexicographer file names by number, from {@code lexnames(5)}. */
    private static final String[] LEXNAMES = {
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
        "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
        "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
        "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
        "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
        "verb.communication", "verb.competition", "verb.consumption", "verb.contact", "verb.creation",
        "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative",
        "verb.weather", "adj.ppl"
    };

    private WordnetGlosses() {}

    /** Every synset of {@code file}, in file order. */
    public static List<LabeledText> read(Path file) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank() && !line.startsWith("  ")) { // two leading spaces: the licence header
                    out.add(parse(line, file.getFileName() + " line " + lineNo));
                }
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null,
                    "WordNet data file not found; install it with: apt-get install wordnet-base");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + " contains no WordNet synsets");
        }
        return out;
    }

    /**
     * Parses one synset line: {@code offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] ... | gloss}.
     *
     * @param where names the line in error messages
     */
    static LabeledText parse(String line, String where) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            throw new IllegalArgumentException(where + ": no gloss (missing ' | ')");
        }
        String gloss = line.substring(bar + 3).trim();
        String[] f = line.substring(0, bar).trim().split(" +");
        if (f.length < 6 || !f[0].matches("\\d{8}")) {
            throw new IllegalArgumentException(where + ": not a synset line (expected an 8-digit offset and words)");
        }
        String label = lexname(f[1], where);
        int words;
        try {
            words = Integer.parseInt(f[3], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": word count '" + f[3] + "' is not hexadecimal");
        }
        if (words < 1 || f.length < 4 + 2 * words) {
            throw new IllegalArgumentException(where + ": word count " + words + " does not match the line");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : ", ").append(f[4 + 2 * i].replace('_', ' '));
        }
        if (gloss.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty gloss");
        }
        return new LabeledText(f[0], text.append(": ").append(gloss).toString(), label);
    }

    private static String lexname(String field, String where) {
        int n;
        try {
            n = Integer.parseInt(field);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n >= LEXNAMES.length) {
            throw new IllegalArgumentException(where + ": lexicographer file number '" + field
                    + "' is not in 00.." + (LEXNAMES.length - 1));
        }
        return LEXNAMES[n];
    }
}
