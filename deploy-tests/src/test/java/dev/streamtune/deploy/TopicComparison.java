package dev.streamtune.deploy;

import dev.streamtune.contracts.TopicLayout;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Differences between Strimzi {@code KafkaTopic}s and the layouts the services create topics with. */
final class TopicComparison {

    private TopicComparison() {
    }

    /** Every difference, one line each; empty when names, partitions and topic configs all agree. */
    static List<String> differences(List<KafkaTopic> topics, List<TopicLayout> layouts) {
        Map<String, KafkaTopic> byName = new TreeMap<>();
        for (KafkaTopic topic : topics) {
            byName.put(topicName(topic), topic);
        }
        Map<String, TopicLayout> expected = new TreeMap<>();
        layouts.forEach(l -> expected.put(l.name(), l));
        List<String> problems = new ArrayList<>();
        if (!byName.keySet().equals(expected.keySet())) {
            problems.add("KafkaTopics " + byName.keySet() + " but the services use " + expected.keySet());
        }
        for (TopicLayout layout : expected.values()) {
            KafkaTopic topic = byName.get(layout.name());
            if (topic == null) {
                continue;
            }
            if (topic.getSpec().getPartitions() == null || topic.getSpec().getPartitions() != layout.partitions()) {
                problems.add(layout.name() + ": partitions " + topic.getSpec().getPartitions() + ", TopicLayout says "
                        + layout.partitions());
            }
            Map<String, String> configs = new TreeMap<>();
            if (topic.getSpec().getConfig() != null) {
                topic.getSpec().getConfig().forEach((k, v) -> configs.put(k, String.valueOf(v)));
            }
            for (String key : new TreeSet<>(layout.configs().keySet())) {
                if (!layout.configs().get(key).equals(configs.get(key))) {
                    problems.add(layout.name() + ": " + key + "=" + configs.get(key) + ", TopicLayout says "
                            + layout.configs().get(key));
                }
            }
            for (String key : configs.keySet()) {
                if (!layout.configs().containsKey(key)) {
                    problems.add(layout.name() + ": " + key + " is set here but not in TopicLayout (topics the"
                            + " services create would differ)");
                }
            }
        }
        return problems;
    }

    /** {@code spec.topicName}, else the resource name (Strimzi's rule). */
    static String topicName(KafkaTopic topic) {
        String name = topic.getSpec().getTopicName();
        return name == null ? topic.getMetadata().getName() : name;
    }
}
