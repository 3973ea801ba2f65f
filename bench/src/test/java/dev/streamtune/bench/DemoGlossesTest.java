package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGlossesTest {

    @TempDir
    Path emptyDir;

    @Test
    void fallsBackToTheShippedSubsetAndSaysSo() {
        DemoGlosses g = DemoGlosses.open(emptyDir);
        assertTrue(g.source().contains("no " + emptyDir.resolve("data.noun")), g.source());
        assertTrue(g.source().contains("shipped"), g.source());
        assertEquals(600, g.smallestClass());
    }

    @Test
    void drawsBalancedDisjointRangesOfRealGlosses() {
        DemoGlosses g = DemoGlosses.shipped();
        List<StackClient.Sample> train = g.samples(0, 100, 3);
        List<StackClient.Sample> test = g.samples(100, 20, 3);
        Map<String, Long> perClass = train.stream().collect(Collectors.groupingBy(StackClient.Sample::label, Collectors.counting()));
        assertEquals(DemoGlosses.CLASSES.stream().collect(Collectors.toMap(Function.identity(), c -> 100L)), perClass);
        Set<String> trainIds = new HashSet<>(train.stream().map(StackClient.Sample::id).toList());
        assertEquals(600, trainIds.size());
        assertTrue(test.stream().noneMatch(s -> trainIds.contains(s.id())), "held-out glosses are never training glosses");
        assertEquals(train, g.samples(0, 100, 3), "same seed, same stream");
    }

    @Test
    void readsTheSystemWordNetWhenInstalled() {
        Path system = Path.of("/usr/share/wordnet");
        org.junit.jupiter.api.Assumptions.assumeTrue(system.resolve("data.noun").toFile().isFile(), "wordnet-base not installed");
        DemoGlosses g = DemoGlosses.open(system);
        assertTrue(g.source().startsWith("WordNet 3.0 at "), g.source());
        assertTrue(g.smallestClass() > 2000, "every demo class has thousands of synsets: " + g.smallestClass());
    }

    @Test
    void rejectsRangesPastTheSmallestClassAndEmptyRequests() {
        DemoGlosses g = DemoGlosses.shipped();
        assertThrows(IllegalArgumentException.class, () -> g.samples(550, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> g.samples(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> g.samples(-1, 10, 1));
    }
}
