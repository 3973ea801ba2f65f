package dev.streamtune.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Predicts one text every {@code periodMs} on its own thread and records, for each answer, when it arrived and
 * which model version answered; {@code bench e2e} reads from that when each version was first served.
 */
final class PredictionProbe implements AutoCloseable {

    private final StackClient client;
    private final String model;
    private final String text;
    private final long periodNanos;
    private final List<Freshness.Probe> answers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    /** Starts probing; answers are appended to {@code answers} (a thread-safe list). */
    PredictionProbe(StackClient client, String model, String text, int periodMs, List<Freshness.Probe> answers) {
        this.client = client;
        this.model = model;
        this.text = text;
        this.periodNanos = periodMs * 1_000_000L;
        this.answers = answers;
        this.thread = new Thread(this::run, "prediction-probe");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running.get()) {
            try {
                client.predict(model, text).ifPresent(p -> answers.add(new Freshness.Probe(System.nanoTime(), p.modelVersion())));
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime(); // behind: do not burst to catch up
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                failure.set(e);
                return;
            }
        }
    }

    /** Stops probing; fails when a prediction failed (the stack answered an error). */
    @Override
    public void close() throws Exception {
        running.set(false);
        thread.interrupt();
        thread.join(5000);
        if (failure.get() != null) {
            throw new IllegalStateException("a probe prediction failed", failure.get());
        }
    }
}
