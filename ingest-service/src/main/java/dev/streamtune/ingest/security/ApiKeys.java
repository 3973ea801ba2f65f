package dev.streamtune.ingest.security;

import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.config.IngestConfig.SecurityMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The configured API keys and what each may do. Keys are compared in constant time. In {@code keys} mode the
 * service refuses to start without any key; in {@code open} mode it logs a warning at startup.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final SecurityMode mode;
    private final byte[] adminKey;
    private final List<byte[]> producerKeys;

    public ApiKeys(IngestConfig config) {
        this.mode = config.security().mode();
        this.adminKey = config.security().adminKey().filter(k -> !k.isBlank()).map(ApiKeys::bytes).orElse(null);
        this.producerKeys = config.security().producerKeys().orElse(Set.of()).stream()
                .filter(k -> !k.isBlank()).map(ApiKeys::bytes).toList();
    }

    void checkAtStartup(@Observes StartupEvent event) {
        if (mode == SecurityMode.OPEN) {
            LOG.warn("ingest.security.mode=open: the ingest API accepts every request without an API key. "
                    + "Use this only on a local machine; set ingest.security.mode=keys anywhere else.");
            return;
        }
        if (adminKey == null && producerKeys.isEmpty()) {
            throw new IllegalStateException("ingest.security.mode=keys but no key is configured: set "
                    + "INGEST_SECURITY_ADMIN_KEY and/or INGEST_SECURITY_PRODUCER_KEYS, or ingest.security.mode=open "
                    + "for a local machine");
        }
        if (adminKey == null) {
            LOG.warn("no ingest.security.admin-key configured: no one can register models");
        }
        LOG.infof("API keys required: admin key %s, %d producer key(s)", adminKey == null ? "absent" : "set",
                producerKeys.size());
    }

    /** Whether keys are checked at all. */
    public boolean required() {
        return mode == SecurityMode.KEYS;
    }

    /** The role of {@code key}, or empty when it is not a configured key. */
    public Optional<ApiRole> roleOf(String key) {
        byte[] given = bytes(key);
        if (adminKey != null && MessageDigest.isEqual(adminKey, given)) {
            return Optional.of(ApiRole.ADMIN);
        }
        boolean producer = false;
        for (byte[] k : producerKeys) {
            producer |= MessageDigest.isEqual(k, given); // no early exit: same time for every key
        }
        return producer ? Optional.of(ApiRole.PRODUCER) : Optional.empty();
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
