package dev.streamtune.bench;

import dev.streamtune.core.eval.AccuracyMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One method's results over several seeds: the mean accuracy matrix, the mean curve of average accuracy after
 * each experience, and final average accuracy, forgetting and backward transfer (means over seeds, with the
 * standard deviation of the final accuracy).
 *
 * @param meanMatrix entry-wise mean of the seeds' accuracy matrices
 * @param curve mean {@code A_k} after each experience
 * @param finalAccuracy mean final average accuracy
 * @param finalAccuracySd its standard deviation over seeds
 * @param perSeedFinalAccuracy final average accuracy of each seed
 * @param forgetting mean final forgetting (Chaudhry et al. 2018)
 * @param backwardTransfer mean BWT (Lopez-Paz and Ranzato 2017)
 * @param seconds wall time of all seeds
 */
record ContinualSummary(double[][] meanMatrix, double[] curve, double finalAccuracy, double finalAccuracySd,
        double[] perSeedFinalAccuracy, double forgetting, double backwardTransfer, double seconds) {

    static ContinualSummary of(List<AccuracyMatrix> runs, double seconds) {
        int t = runs.get(0).experiences();
        double[][] mean = new double[t][t];
        double[] curve = new double[t];
        double[] finals = new double[runs.size()];
        double forgetting = 0;
        double bwt = 0;
        for (int r = 0; r < runs.size(); r++) {
            AccuracyMatrix m = runs.get(r);
            for (int i = 0; i < t; i++) {
                curve[i] += m.averageAccuracy(i) / runs.size();
                for (int j = 0; j < t; j++) {
                    mean[i][j] += m.get(i, j) / runs.size();
                }
            }
            finals[r] = m.finalAverageAccuracy();
            forgetting += m.finalForgetting() / runs.size();
            bwt += m.backwardTransfer() / runs.size();
        }
        double avg = java.util.Arrays.stream(finals).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(finals).map(f -> (f - avg) * (f - avg)).sum() / Math.max(1, finals.length - 1);
        return new ContinualSummary(mean, curve, avg, Math.sqrt(var), finals, forgetting, bwt, seconds);
    }

    /** A table row: accuracy after each experience, then the final figures. */
    Map<String, Object> row(String method) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("method", method);
        for (int i = 0; i < curve.length; i++) {
            cells.put("acc_after_e" + (i + 1), curve[i]);
        }
        cells.put("final_acc", finalAccuracy);
        cells.put("final_acc_sd", finalAccuracySd);
        cells.put("forgetting", forgetting);
        cells.put("bwt", backwardTransfer);
        cells.put("seconds", seconds);
        return cells;
    }
}
