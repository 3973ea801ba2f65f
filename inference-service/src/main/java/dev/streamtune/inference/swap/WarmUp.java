package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import java.util.List;

/** A new head's first prediction, on the backbone's warm-up features, before it may serve: scores must be sane. */
final class WarmUp {

    private static final double SUM_TOLERANCE = 1e-3;

    private WarmUp() {}

    /** @throws VersionRefusedException {@code WARMUP_FAILED} when the prediction fails or its scores are not probabilities */
    static void check(VersionInfo info, ModelHead head, float[] features) {
        int classes = head.labels().size();
        List<List<Scored>> out;
        try {
            out = head.predict(new float[][] {features}, classes);
        } catch (RuntimeException e) {
            throw failed(info, "prediction threw " + e, e);
        }
        if (out.size() != 1 || out.get(0).size() != classes) {
            throw failed(info, "expected one row of " + classes + " scores, got " + out, null);
        }
        double sum = 0;
        for (Scored s : out.get(0)) {
            if (!Double.isFinite(s.score()) || s.score() < 0 || s.score() > 1) {
                throw failed(info, "score of '" + s.label() + "' is " + s.score(), null);
            }
            sum += s.score();
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw failed(info, "scores sum to " + sum + ", not 1", null);
        }
    }

    private static VersionRefusedException failed(VersionInfo info, String why, Throwable cause) {
        return new VersionRefusedException(RefusalReason.WARMUP_FAILED, "version " + info.key() + " warm-up: " + why, cause);
    }
}
