package dev.streamtune.inference.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.swap.RefusalReason;
import dev.streamtune.inference.swap.ServingModels;
import dev.streamtune.inference.swap.VersionRefusedException;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Decodes {@code model-versions} records ({@link VersionEnvelope}: metadata JSON + artifact, key
 * {@code model/version}) and hands them to {@link ServingModels}; a record that cannot be decoded is refused as
 * {@link RefusalReason#UNREADABLE} under the model its key names.
 */
public final class VersionRecordHandler implements Consumer<ConsumerRecord<String, byte[]>> {

    private static final Logger LOG = Logger.getLogger(VersionRecordHandler.class);
    private final ObjectMapper json;
    private final ServingModels models;

    public VersionRecordHandler(ObjectMapper json, ServingModels models) {
        this.json = json;
        this.models = models;
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> r) {
        String key = r.key();
        int slash = key == null ? -1 : key.lastIndexOf('/');
        if (slash <= 0) {
            LOG.errorf("version record at %s-%d@%d has key %s, not model/version: skipped", r.topic(), r.partition(), r.offset(), key);
            return;
        }
        String model = key.substring(0, slash);
        long version = parseVersion(key.substring(slash + 1));
        if (r.value() == null) {
            LOG.debugf("tombstone for version %s ignored", key);
            return;
        }
        try {
            VersionEnvelope envelope = VersionEnvelope.decode(r.value());
            VersionInfo info = json.readValue(envelope.infoJson(), VersionInfo.class);
            if (!key.equals(info.key())) {
                throw new VersionRefusedException(RefusalReason.UNREADABLE, "record key " + key + " differs from its metadata's "
                        + info.key());
            }
            models.onVersion(info, envelope.artifact());
        } catch (IllegalArgumentException | IOException e) {
            models.onUnreadable(model, version, new VersionRefusedException(RefusalReason.UNREADABLE,
                    "version record " + key + " at offset " + r.offset() + " is unreadable: " + e.getMessage(), e));
        } catch (VersionRefusedException e) {
            models.onUnreadable(model, version, e);
        }
    }

    private static long parseVersion(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
