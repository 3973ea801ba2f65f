package dev.streamtune.bench;

/** Reads one sample out of a Prometheus text exposition (what {@code /q/metrics} answers). */
final class PrometheusText {

    private PrometheusText() {}

    /**
     * The value of the first sample named {@code metric} whose label set contains {@code labelPart}
     * ({@code ""} for any), or NaN when there is none.
     */
    static double value(String exposition, String metric, String labelPart) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric) && !line.startsWith("#") && line.contains(labelPart)) {
                String rest = line.substring(metric.length());
                if (!rest.isEmpty() && rest.charAt(0) != '{' && rest.charAt(0) != ' ') {
                    continue; // a longer metric name with the same prefix
                }
                String[] parts = line.trim().split("\\s+");
                return Double.parseDouble(parts[parts.length - 1]);
            }
        }
        return Double.NaN;
    }
}
