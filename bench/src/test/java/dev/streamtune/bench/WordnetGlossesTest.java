package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordnetGlossesTest {

    private static final String ENTITY = "00001740 03 n 01 entity 0 003 ~ 00001930 n 0000 ~ 00002137 n 0000"
            + " | that which is perceived or known or inferred to have its own distinct existence  ";
    private static final String ABSTRACTION = "00002137 03 n 02 abstraction 0 abstract_entity 0 010 @ 00001740 n 0000"
            + " | a general concept formed by extracting common features from specific examples  ";

    @TempDir
    Path dir;

    @Test
    void turnsSynsetIntoWordsGlossAndLexname() {
        LabeledText t = WordnetGlosses.parse(ABSTRACTION, "test");
        assertEquals("00002137", t.sourceId());
        assertEquals("abstraction, abstract entity: a general concept formed by extracting common features from"
                + " specific examples", t.text());
        assertEquals("noun.Tops", t.label());
    }

    @Test
    void skipsLicenceHeaderAndKeepsFileOrder() throws Exception {
        Path file = write("  1 This software and database is being provided to you, the LICENSEE,", ENTITY, ABSTRACTION);
        List<LabeledText> all = WordnetGlosses.read(file);
        assertEquals(List.of("00001740", "00002137"), all.stream().map(LabeledText::sourceId).toList());
    }

    @Test
    void rejectsLineWithoutGlossNamingTheLine() throws Exception {
        Path file = write(ENTITY, "00001930 03 n 01 physical_entity 0 000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordnetGlosses.read(file));
        assertEquals("data.noun line 2: no gloss (missing ' | ')", e.getMessage());
    }

    @Test
    void rejectsUnknownLexicographerFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordnetGlosses.parse(ENTITY.replace(" 03 n ", " 45 n "), "data.noun line 7"));
        assertEquals("data.noun line 7: lexicographer file number '45' is not in 00..44", e.getMessage());
    }

    @Test
    void rejectsWordCountBeyondTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordnetGlosses.parse("00001740 03 n 09 entity 0 000 | gloss", "x"));
        assertEquals("x: word count 9 does not match the line", e.getMessage());
    }

    @Test
    void rejectsFileWithoutSynsets() throws Exception {
        Path file = write("  1 licence only");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordnetGlosses.read(file));
        assertTrue(e.getMessage().endsWith("contains no WordNet synsets"), e.getMessage());
    }

    @Test
    void missingFileSaysWhichPackageInstallsIt() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> WordnetGlosses.read(dir.resolve("data.noun")));
        assertTrue(e.getMessage().contains("apt-get install wordnet-base"), e.getMessage());
    }

    @Test
    void readsInstalledNounDatabase() throws Exception {
        List<LabeledText> nouns = WordnetGlosses.read(WordnetGlosses.DEFAULT_NOUNS);
        assertTrue(nouns.size() > 80_000, "synsets: " + nouns.size());
        assertTrue(nouns.stream().allMatch(t -> t.label().startsWith("noun.") && !t.text().isBlank()));
        assertEquals(26, nouns.stream().map(LabeledText::label).distinct().count());
    }

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("data.noun");
        Files.write(file, List.of(lines));
        return file;
    }
}
