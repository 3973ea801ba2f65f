package dev.streamtune.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured load phase against an inference-service: the load, the mean dynamic batch size over the phase
 * (from the service's {@code streamtune_inference_batch_size} summary), the CPU the service and the clients used
 * per answered request, and the service's highest RSS.
 */
record LoadPhase(ClosedLoopLoad load, double meanBatch, double serviceCpuMs, double clientCpuMs, double maxRssMib) {

    private static final String BATCH_SUM = "streamtune_inference_batch_size_sum";
    private static final String BATCH_COUNT = "streamtune_inference_batch_size_count";

    /** Runs the load; {@code everySecond} are started one per second on a side thread meanwhile. */
    static LoadPhase run(long servicePid, ServingProbe probe, URI url, List<String> bodies, int clients, Duration d,
            List<Runnable> everySecond) throws Exception {
        String before = probe.metrics();
        double serviceCpu = ProcessCpu.of(servicePid);
        double selfCpu = ProcessCpu.self();
        Thread side = new Thread(() -> runEverySecond(everySecond), "every-second");
        ClosedLoopLoad load;
        double rss;
        try (RssSampler sampler = new RssSampler(servicePid)) {
            side.start();
            load = ClosedLoopLoad.run(url, bodies, clients, d);
            side.interrupt();
            side.join();
            rss = sampler.maxMib();
        }
        double serviceMs = (ProcessCpu.of(servicePid) - serviceCpu) * 1000 / load.ok();
        double clientMs = (ProcessCpu.self() - selfCpu) * 1000 / load.ok();
        String after = probe.metrics();
        double meanBatch = (PrometheusText.value(after, BATCH_SUM, "") - PrometheusText.value(before, BATCH_SUM, ""))
                / (PrometheusText.value(after, BATCH_COUNT, "") - PrometheusText.value(before, BATCH_COUNT, ""));
        return new LoadPhase(load, meanBatch, serviceMs, clientMs, rss);
    }

    private static void runEverySecond(List<Runnable> tasks) {
        try {
            for (Runnable task : tasks) {
                long next = System.nanoTime() + 1_000_000_000L;
                task.run();
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The phase as a report row. */
    Map<String, Object> row(String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("phase", name);
        row.put("requests", load.ok());
        row.put("errors", load.errors());
        row.put("per_s", load.perSecond());
        row.put("p50_ms", load.percentileMs(0.5));
        row.put("p99_ms", load.percentileMs(0.99));
        row.put("mean_batch", meanBatch);
        row.put("cpu_ms_each", serviceCpuMs);
        row.put("client_cpu_ms_each", clientCpuMs);
        row.put("max_rss_mib", maxRssMib);
        return row;
    }
}
