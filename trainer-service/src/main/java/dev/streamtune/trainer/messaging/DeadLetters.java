package dev.streamtune.trainer.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records: the rejected record's key and value unchanged, plus headers saying why and where it
 * came from, so it can be inspected and replayed.
 */
public final class DeadLetters {

    /** Header with the {@link RejectReason#wire()} value. */
    public static final String REASON = "streamtune.dlq.reason";
    /** Header with a human explanation. */
    public static final String DETAIL = "streamtune.dlq.detail";
    /** Header with the original topic. */
    public static final String SOURCE_TOPIC = "streamtune.dlq.topic";
    /** Header with the original partition. */
    public static final String SOURCE_PARTITION = "streamtune.dlq.partition";
    /** Header with the original offset. */
    public static final String SOURCE_OFFSET = "streamtune.dlq.offset";

    private final String dlqTopic;

    public DeadLetters(String dlqTopic) {
        this.dlqTopic = dlqTopic;
    }

    /** The dead-letter record for {@code source}. */
    public ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> source, RejectReason reason, String detail) {
        Headers h = new RecordHeaders();
        source.headers().forEach(h::add);
        h.add(REASON, utf8(reason.wire()));
        h.add(DETAIL, utf8(detail));
        h.add(SOURCE_TOPIC, utf8(source.topic()));
        h.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        h.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        return new ProducerRecord<>(dlqTopic, null, source.key(), source.value(), h);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
