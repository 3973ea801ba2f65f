package dev.streamtune.kafka.local;

/** A broker someone else runs, reached at a fixed address. It cannot be stopped or started from here. */
public record ExternalKafkaBroker(String bootstrapServers) implements KafkaBroker {

    @Override
    public void stop() {
        throw new UnsupportedOperationException("an external broker at " + bootstrapServers + " is not ours to stop");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("an external broker at " + bootstrapServers + " is not ours to start");
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public void close() {
        // not ours
    }
}
