package dev.streamtune.inference.rest;

import dev.streamtune.contracts.Digests;
import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.inference.config.SecurityMode;
import jakarta.enterprise.context.ApplicationScoped;

/** Guards admin endpoints: in {@code keys} mode the {@code X-API-Key} header must equal the admin key. */
@ApplicationScoped
public class AdminKeyCheck {

    /** The header carrying the key. */
    public static final String HEADER = "X-API-Key";
    private final InferenceConfig.Security cfg;

    public AdminKeyCheck(InferenceConfig cfg) {
        this.cfg = cfg.security();
    }

    /** @throws ProblemException 401 without a key, 403 with a wrong one or when no admin key is configured */
    public void require(String presented) {
        if (cfg.mode() == SecurityMode.OPEN) {
            return;
        }
        if (presented == null || presented.isBlank()) {
            throw Problems.unauthorized();
        }
        String admin = cfg.adminKey().orElse(null);
        if (admin == null) {
            throw Problems.forbidden("no admin key is configured (inference.security.admin-key): admin endpoints are disabled");
        }
        // constant-time: compare the keys' hashes
        if (!Digests.sameHex(Digests.sha256(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Digests.sha256(admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            throw Problems.forbidden("the key in X-API-Key is not the admin key");
        }
    }
}
