package dev.streamtune.kafka.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class KafkaBrokersTest {

    @Test
    void sharedBrokerRoundTripsRecords(KafkaBroker broker) throws Exception {
        String topic = "t-" + UUID.randomUUID();
        produce(broker.bootstrapServers(), topic, List.of("a", "b", "c"));
        assertEquals(List.of("a", "b", "c"), consume(broker.bootstrapServers(), topic, 3));
    }

    @Test
    void forkedBrokerKeepsDataAcrossStopAndStartAndDiesWhenClosed() throws Exception {
        try (ForkedKafkaBroker broker = ForkedKafkaBroker.startTemporary()) {
            String topic = "forked-" + UUID.randomUUID();
            produce(broker.bootstrapServers(), topic, List.of("before"));
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            assertTrue(broker.isRunning());
            produce(broker.bootstrapServers(), topic, List.of("after"));
            assertEquals(List.of("before", "after"), consume(broker.bootstrapServers(), topic, 2));
        }
    }

    @Test
    void externalModeParsesAddressAndRejectsGarbage() {
        assertInstanceOf(ExternalKafkaBroker.class, KafkaBrokers.start("external:127.0.0.1:9092"));
        assertEquals("127.0.0.1:9092", KafkaBrokers.start("external:127.0.0.1:9092").bootstrapServers());
        assertThrows(IllegalArgumentException.class, () -> KafkaBrokers.start("external:nowhere"));
        assertThrows(IllegalArgumentException.class, () -> KafkaBrokers.start("zookeeper"));
    }

    static void produce(String bootstrap, String topic, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, "k", v)).get();
            }
        }
    }

    static List<String> consume(String bootstrap, String topic, int n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
