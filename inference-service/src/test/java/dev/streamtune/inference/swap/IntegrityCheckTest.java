package dev.streamtune.inference.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityCheckTest {

    private static final byte[] ARTIFACT = "weights".getBytes();

    private static VersionInfo info(String sha, String signature) {
        return new VersionInfo("m", 1, 0, 1, Strategy.FEATURE_EXTRACTION, "b", null, List.of("a"), null, List.of(), 1, 1, sha, signature);
    }

    private static RefusalReason refusal(IntegrityCheck check, VersionInfo info, byte[] artifact) {
        return assertThrows(VersionRefusedException.class, () -> check.verify(info, artifact)).reason();
    }

    @Test
    void acceptsIntactUnsignedArtifactWhenNoKeyIsConfigured() {
        new IntegrityCheck(null).verify(info(Digests.sha256(ARTIFACT), null), ARTIFACT);
    }

    @Test
    void acceptsCorrectlySignedArtifact() {
        new IntegrityCheck("k").verify(info(Digests.sha256(ARTIFACT), Digests.hmacSha256("k", ARTIFACT)), ARTIFACT);
    }

    @Test
    void refusesArtifactWhoseBytesChanged() {
        byte[] flipped = ARTIFACT.clone();
        flipped[0] ^= 1;
        assertEquals(RefusalReason.CORRUPT, refusal(new IntegrityCheck(null), info(Digests.sha256(ARTIFACT), null), flipped));
    }

    @Test
    void refusesVersionWithoutHash() {
        assertEquals(RefusalReason.CORRUPT, refusal(new IntegrityCheck(null), info(null, null), ARTIFACT));
    }

    @Test
    void refusesUnsignedArtifactWhenKeyIsRequired() {
        assertEquals(RefusalReason.UNSIGNED, refusal(new IntegrityCheck("k"), info(Digests.sha256(ARTIFACT), null), ARTIFACT));
    }

    @Test
    void refusesArtifactSignedWithAnotherKey() {
        VersionInfo info = info(Digests.sha256(ARTIFACT), Digests.hmacSha256("other", ARTIFACT));
        assertEquals(RefusalReason.BAD_SIGNATURE, refusal(new IntegrityCheck("k"), info, ARTIFACT));
    }
}
