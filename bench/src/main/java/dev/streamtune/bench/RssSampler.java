package dev.streamtune.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident set size every 50 ms on its own thread; {@link #maxMib()} is the highest seen. */
final class RssSampler implements AutoCloseable {

    private final long pid;
    private final AtomicLong maxKib = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::run, "rss-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running) {
            maxKib.accumulateAndGet((long) (ProcessCpu.rssMib(pid) * 1024), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Highest RSS sampled, in MiB. */
    double maxMib() {
        return maxKib.get() / 1024.0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
