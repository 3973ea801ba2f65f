package dev.streamtune.bench;

/**
 * One benchmark program behind {@code ./streamtune bench NAME}.
 *
 * <p>{@link BenchMain} finds the implementation for {@code NAME} by convention: {@code train-step} is the class
 * {@code dev.streamtune.bench.TrainStepBench}. It must have a public no-argument constructor.
 */
public interface Benchmark {

    /** One line: what is measured, against which baseline. */
    String description();

    /**
     * Runs the benchmark, printing progress to {@code System.out} and recording figures in {@code report}. Every
     * figure must be measured in this run; ratios are against a baseline measured in the same run.
     *
     * @param args extra command-line arguments after the benchmark name
     */
    void run(BenchReport report, String[] args) throws Exception;
}
