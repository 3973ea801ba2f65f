package dev.streamtune.kafka.common;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Makes Kafka's lz4 (de)compression use lz4-java's native library inside Quarkus.
 *
 * <p>Kafka asks {@code LZ4Factory.fastestInstance()} for a compressor. lz4-java only tries its JNI library there when
 * its classes come from the system class loader or the library is already loaded; under Quarkus's runner class
 * loader neither holds, so every record batch was compressed by the pure-Java "safe" implementation, several times
 * slower (bench ingest: lz4 was the largest item in the ingest service's CPU profile, while a plain-classpath
 * producer used JNI). Loading the library up front makes {@code fastestInstance()} native. Where the library
 * cannot load (no writable temp dir, an unusual platform) Kafka keeps the Java implementation and nothing else
 * changes.
 */
public final class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    private static Boolean enabled;

    private NativeLz4() {}

    /**
     * Loads lz4-java's native library if it is not loaded yet, and logs (once) which implementation Kafka will use.
     * Call it before the first Kafka client compresses; later calls only return the first call's answer.
     *
     * @return {@code true} when Kafka's lz4 codec is native from now on
     */
    public static synchronized boolean enable() {
        if (enabled == null) {
            enabled = load();
        }
        return enabled;
    }

    private static boolean load() {
        try {
            Native.load();
        } catch (Throwable e) { // UnsatisfiedLinkError, I/O on the temp file: stay on the Java implementation
            LOG.warnf("lz4: native library unavailable (%s); Kafka compresses with lz4-java's Java implementation", e);
            return false;
        }
        boolean nativeCodec = LZ4Factory.fastestInstance() == LZ4Factory.nativeInstance();
        LOG.infof("lz4: Kafka compresses with %s", nativeCodec ? "the native (JNI) library" : "the Java implementation");
        return nativeCodec;
    }
}
