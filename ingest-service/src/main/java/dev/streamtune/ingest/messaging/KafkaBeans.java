package dev.streamtune.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Topics;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.config.KafkaClientConfig;
import dev.streamtune.kafka.common.TopicCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Makes the service's Kafka clients (one of each per application) and closes them at shutdown. */
@ApplicationScoped
public class KafkaBeans {

    /** The topic names, with the configured prefix. */
    @Produces
    @Singleton
    Topics topics(IngestConfig config) {
        return Topics.of(config.topics().prefix());
    }

    @Produces
    @Singleton
    ResilientProducer idempotentProducer(KafkaClientConfig kafka, IngestConfig config) {
        return new ResilientProducer(
                () -> new KafkaProducer<>(kafka.idempotentProducer(), new StringSerializer(), new ByteArraySerializer()),
                config.kafka().requestTimeout());
    }

    void closeIdempotentProducer(@Disposes ResilientProducer producer) {
        producer.close();
    }

    @Produces
    @Singleton
    TransactionalProducerPool transactionalProducers(KafkaClientConfig kafka, IngestConfig config) {
        return new TransactionalProducerPool(config.kafka().transactionalProducers(),
                i -> new KafkaProducer<>(kafka.transactionalProducer(i), new StringSerializer(), new ByteArraySerializer()));
    }

    void closeTransactionalProducers(@Disposes TransactionalProducerPool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    ModelSpecView modelSpecView(KafkaClientConfig kafka, Topics topics, ObjectMapper mapper) {
        return new ModelSpecView(
                () -> new KafkaConsumer<>(kafka.specConsumer(), new StringDeserializer(), new ByteArrayDeserializer()),
                topics.modelSpecs(), mapper.readerFor(ModelSpec.class));
    }

    void closeModelSpecView(@Disposes ModelSpecView view) {
        view.close();
    }

    @Produces
    @Singleton
    TopicCreator topicCreator(KafkaClientConfig kafka, IngestConfig config) {
        return new TopicCreator(() -> Admin.create(kafka.admin()), config.topics().replicationFactor());
    }
}
