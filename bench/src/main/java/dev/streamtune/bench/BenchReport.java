package dev.streamtune.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark measured: a human table (rows of named cells) and headline figures. {@link #finish} prints
 * the table, then the contract's last line {@code RESULT NAME key=value ...}, and writes the same figures to
 * {@code target/bench/NAME.json}.
 */
public final class BenchReport {

    private final String name;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Object> environment = new LinkedHashMap<>();

    public BenchReport(String name) {
        this.name = name;
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        environment.put("java", System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** The benchmark's name. */
    public String name() {
        return name;
    }

    /** Adds a table row; cells keep their insertion order, and the first row's keys are the columns. */
    public BenchReport row(Map<String, ?> cells) {
        rows.add(new LinkedHashMap<>(cells));
        return this;
    }

    /** Records a headline figure for the RESULT line and the JSON. Keys are lowercase, no spaces. */
    public BenchReport result(String key, Object value) {
        if (!key.matches("[a-z0-9_.-]+")) {
            throw new IllegalArgumentException("result key must be [a-z0-9_.-]+: " + key);
        }
        results.put(key, value);
        return this;
    }

    /** Records a fact about the run (device, data source, sizes) for the JSON. */
    public BenchReport environment(String key, Object value) {
        environment.put(key, value);
        return this;
    }

    /** The figures recorded so far. */
    public Map<String, Object> results() {
        return results;
    }

    /** Prints the table and the RESULT line, and writes {@code outDir/NAME.json}. */
    public void finish(PrintStream out, Path outDir) throws IOException {
        out.println();
        out.print(table());
        Files.createDirectories(outDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("environment", environment);
        json.put("results", results);
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve(name + ".json").toFile(), json);
        out.println(resultLine());
        out.flush();
    }

    /** {@code RESULT NAME k=v ...}. */
    public String resultLine() {
        StringBuilder sb = new StringBuilder("RESULT ").append(name);
        results.forEach((k, v) -> sb.append(' ').append(k).append('=').append(format(v)));
        return sb.toString();
    }

    /** The rows as an aligned text table (empty when there are no rows). */
    public String table() {
        if (rows.isEmpty()) {
            return "";
        }
        List<String> cols = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            for (String k : r.keySet()) {
                if (!cols.contains(k)) {
                    cols.add(k);
                }
            }
        }
        int[] width = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            width[i] = cols.get(i).length();
            for (Map<String, Object> r : rows) {
                width[i] = Math.max(width[i], format(r.get(cols.get(i))).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, cols, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        appendLine(sb, rule, width);
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(format(r.get(c)));
            }
            appendLine(sb, cells, width);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(i == 0 ? "" : "  ").append(c).append(" ".repeat(width[i] - c.length()));
        }
        sb.append('\n');
    }

    /** Numbers with up to 4 significant decimals, everything else as text; {@code null} as "". */
    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (Math.abs(d) >= 1000) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return v.toString();
    }
}
