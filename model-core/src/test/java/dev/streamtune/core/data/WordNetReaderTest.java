package dev.streamtune.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordNetReaderTest {

    private static final String HEADER = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
            + "  2 Princeton University under the following license.  \n";

    @Test
    void readsTheInstalledNounGlossesWithLexnames() {
        List<WordNetGloss> nouns = WordNetReader.system().read("noun");
        assertEquals(82_115, nouns.size(), "WordNet 3.0 has 82,115 noun synsets");
        WordNetGloss entity = nouns.get(0);
        assertEquals("00001740", entity.id());
        assertEquals('n', entity.partOfSpeech());
        assertEquals("noun.Tops", entity.lexname());
        assertTrue(entity.gloss().startsWith("that which is perceived or known or inferred"), entity.gloss());
        Map<String, Long> perClass = nouns.stream().collect(Collectors.groupingBy(WordNetGloss::lexname, Collectors.counting()));
        assertTrue(perClass.get("noun.animal") > 7_000, "animals: " + perClass.get("noun.animal"));
        assertEquals(26, perClass.size(), "all 26 noun lexicographer files occur");
    }

    @Test
    void readsSatelliteAdjectivesAndVerbs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data.adj"), HEADER
                + "00002312 00 s 02 abaxial 0 dorsal 4 002 ;c 06037666 n 0000 | facing away from the axis of an organ  \n");
        Files.writeString(dir.resolve("data.verb"), HEADER
                + "00001740 29 v 04 breathe 0 take_a_breath 0 000 | draw air into, and expel out of, the lungs; \"I can breathe better\"  \n");
        WordNetGloss adj = new WordNetReader(dir).read("adj").get(0);
        assertEquals('s', adj.partOfSpeech());
        assertEquals("adj.all", adj.lexname());
        assertEquals("facing away from the axis of an organ", adj.gloss());
        assertEquals("verb.body", new WordNetReader(dir).read("verb").get(0).lexname());
    }

    @Test
    void missingDatabaseSaysHowToInstallIt(@TempDir Path dir) {
        MissingDatasetException e = assertThrows(MissingDatasetException.class, () -> new WordNetReader(dir).read("noun"));
        assertTrue(e.getMessage().contains("apt-get install wordnet-base"), e.getMessage());
        assertTrue(e.getMessage().contains("data.noun"), e.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data.noun"), HEADER + "00001740 03 n 01 entity 0 000 | fine  \n"
                + "00001930 03 n 01 physical_entity 0 000 no gloss bar\n");
        DataFormatException noGloss = assertThrows(DataFormatException.class, () -> new WordNetReader(dir).read("noun"));
        assertTrue(noGloss.getMessage().endsWith("data.noun:4: synset line has no gloss (no ' | ')"), noGloss.getMessage());
        Files.writeString(dir.resolve("data.noun"), "00001740 45 n 01 entity 0 000 | unknown lexfile  \n");
        DataFormatException lexfile = assertThrows(DataFormatException.class, () -> new WordNetReader(dir).read("noun"));
        assertTrue(lexfile.getMessage().contains(":1: no lexicographer file number 45"), lexfile.getMessage());
        Files.writeString(dir.resolve("data.noun"), "1740 03 n 01 entity 0 000 | short offset  \n");
        assertThrows(DataFormatException.class, () -> new WordNetReader(dir).read("noun"));
        assertThrows(IllegalArgumentException.class, () -> new WordNetReader(dir).read("nouns"));
    }

    @Test
    void lexnameTableFollowsLexnames5() {
        assertEquals(45, LexNames.count());
        assertEquals("adj.all", LexNames.name(0));
        assertEquals("noun.Tops", LexNames.name(3));
        assertEquals("noun.animal", LexNames.name(5));
        assertEquals("noun.artifact", LexNames.name(6));
        assertEquals("noun.person", LexNames.name(18));
        assertEquals("noun.state", LexNames.name(26));
        assertEquals("verb.weather", LexNames.name(43));
        assertEquals("adj.ppl", LexNames.name(44));
        assertEquals(13, LexNames.number("noun.food"));
        assertEquals(-1, LexNames.number("noun.unknown"));
    }
}
