package dev.streamtune.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256 in lowercase hex, as used for version records; plain JDK. */
public final class Digests {

    private Digests() {}

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Hex HMAC-SHA256 of {@code bytes} under {@code key} (UTF-8). */
    public static String hmacSha256(String key, byte[] bytes) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("HMAC key is empty");
        }
        return hmacSha256(key.getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** Hex HMAC-SHA256 of {@code bytes} under {@code key}. */
    public static String hmacSha256(byte[] key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether two hex digests are equal, ignoring case, in time independent of where they differ. */
    public static boolean sameHex(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                b.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
