package dev.streamtune.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.SentenceEncoderLoader;
import dev.streamtune.core.backbone.TextEncoderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench embed}: MiniLM sentences per second at batch 1, 8 and 32 through {@link MiniLmBackbone} (DJL,
 * ONNX Runtime engine) against a bare ONNX Runtime session ({@link BareOrtSentenceEncoder}) on the same WordNet
 * glosses, in the same JVM. The two take turns batch by batch (alternating which goes first), so both see the
 * same inputs and the same background load; each cell runs until both have spent {@code --seconds} embedding and
 * every gloss was embedded at least once.
 *
 * <p>Arguments: {@code --sentences N} glosses (default 512), {@code --seconds N} per cell (default 5).
 */
public final class EmbedBench implements Benchmark {

    private static final Path NOUN_GLOSSES = Path.of("/usr/share/wordnet/data.noun");
    private static final int[] BATCHES = {1, 8, 32};

    @Override
    public String description() {
        return "MiniLM sentences/s through MiniLmBackbone (DJL + ONNX Runtime) vs a bare OrtSession, same ONNX file,"
                + " token ids, threads and pooling; batches 1, 8, 32";
    }

    @Override
    public void run(BenchReport report, String[] args) throws Exception {
        int sentences = intArg(args, "--sentences", 512);
        int seconds = intArg(args, "--seconds", 5);
        List<String> glosses = glosses(sentences);
        TextEncoderOptions options = TextEncoderOptions.defaults().withBatchSize(32).withPredictors(1);
        report.environment("sentences", glosses.size())
                .environment("secondsPerCell", seconds)
                .environment("intraOpThreads", options.intraOpThreads())
                .environment("maxLength", options.maxLength())
                .environment("data", NOUN_GLOSSES.toString())
                .environment("loadavg_start", loadAverage());
        Path folder = new SentenceEncoderLoader(options).builtInFolder();
        try (MiniLmBackbone backbone = MiniLmBackbone.open(options);
                HuggingFaceTokenizer tokenizer = SentenceEncoderLoader.newTokenizer(
                        folder.resolve("tokenizer.json"), options.maxLength());
                BareOrtSentenceEncoder ort = new BareOrtSentenceEncoder(
                        folder.resolve("all-minilm-l6-v2.onnx"), tokenizer, options.intraOpThreads())) {
            double diff = maxAbsDiff(backbone.embed(glosses.subList(0, 32)), ort.embed(glosses.subList(0, 32)));
            report.result("max_abs_diff", diff);
            System.out.printf("same vectors from both: max |difference| = %.2e%n", diff);
            for (int batch : BATCHES) {
                measure(report, batch, seconds, glosses, backbone::embed, ort::embed);
            }
        }
        report.environment("loadavg_end", loadAverage());
    }

    /** Embeds one batch; the two implementations under test. */
    @FunctionalInterface
    private interface Encoder {
        float[][] embed(List<String> batch) throws Exception;
    }

    private static void measure(BenchReport report, int batch, double seconds, List<String> texts, Encoder backbone,
            Encoder ort) throws Exception {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from + batch <= texts.size(); from += batch) {
            batches.add(texts.subList(from, from + batch));
        }
        for (List<String> warmUp : batches.subList(0, Math.min(batches.size(), 64 / batch + 2))) {
            backbone.embed(warmUp);
            ort.embed(warmUp);
        }
        long backboneNanos = 0;
        long ortNanos = 0;
        int done = 0;
        while (done < batches.size() || Math.min(backboneNanos, ortNanos) < seconds * 1e9) {
            List<String> next = batches.get(done % batches.size());
            if (done % 2 == 0) {
                backboneNanos += timed(backbone, next);
                ortNanos += timed(ort, next);
            } else {
                ortNanos += timed(ort, next);
                backboneNanos += timed(backbone, next);
            }
            done++;
        }
        int sentences = done * batch;
        double b = sentences / (backboneNanos / 1e9);
        double o = sentences / (ortNanos / 1e9);
        System.out.printf("batch %2d: backbone %.1f/s, bare ORT %.1f/s over %d sentences each%n", batch, b, o, sentences);
        report.row(row(batch, "MiniLmBackbone", b, sentences, backboneNanos));
        report.row(row(batch, "bare OrtSession", o, sentences, ortNanos));
        report.result("backbone_b" + batch + "_sps", b);
        report.result("ort_b" + batch + "_sps", o);
        report.result("ratio_b" + batch, b / o);
    }

    private static long timed(Encoder encoder, List<String> batch) throws Exception {
        long start = System.nanoTime();
        encoder.embed(batch);
        return System.nanoTime() - start;
    }

    private static Map<String, Object> row(int batch, String impl, double sps, int sentences, long nanos) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("batch", batch);
        row.put("implementation", impl);
        row.put("sentences_per_s", sps);
        row.put("ms_per_batch", 1000.0 * batch / sps);
        row.put("sentences", sentences);
        row.put("seconds", nanos / 1e9);
        return row;
    }

    /** The first {@code count} WordNet noun glosses (the text after {@code |} on each synset line). */
    static List<String> glosses(int count) throws IOException {
        List<String> out = new ArrayList<>(count);
        try (Stream<String> lines = Files.lines(NOUN_GLOSSES, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.startsWith(" ") && l.contains("|"))
                    .map(l -> l.substring(l.indexOf('|') + 1).trim())
                    .filter(g -> !g.isEmpty())
                    .limit(count)
                    .forEach(out::add);
        }
        if (out.size() < count) {
            throw new IOException("only " + out.size() + " glosses in " + NOUN_GLOSSES + ", wanted " + count);
        }
        return out;
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: how busy the shared cores were. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double maxAbsDiff(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int d = 0; d < a[i].length; d++) {
                max = Math.max(max, Math.abs(a[i][d] - b[i][d]));
            }
        }
        return max;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                int value = Integer.parseInt(args[i + 1]);
                if (value < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1, was " + value);
                }
                return value;
            }
        }
        return fallback;
    }
}
