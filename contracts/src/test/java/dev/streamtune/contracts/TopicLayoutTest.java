package dev.streamtune.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void modelSpecsTopicIsCompactedAndSamplesTopicHasThreePartitions() {
        Topics topics = Topics.of("t1.");
        assertEquals("compact", TopicLayout.modelSpecs(topics).configs().get("cleanup.policy"));
        assertEquals("t1.model-specs", TopicLayout.modelSpecs(topics).name());
        assertEquals(3, TopicLayout.samples(topics).partitions());
        assertEquals("t1.samples", TopicLayout.samples(topics).name());
    }

    @Test
    void everyTopicHasItsOwnNameAndAMessageSizeLimit() {
        var layouts = TopicLayout.all(Topics.defaults());
        assertEquals(6, layouts.stream().map(TopicLayout::name).distinct().count());
        assertTrue(layouts.stream().allMatch(l -> l.configs().containsKey("max.message.bytes")));
    }

    @Test
    void rejectsLayoutWithoutPartitions() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TopicLayout("x", 0, Map.of()));
        assertTrue(e.getMessage().contains("at least one partition"), e.getMessage());
    }
}
