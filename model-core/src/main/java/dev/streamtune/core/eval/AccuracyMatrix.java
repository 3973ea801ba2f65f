package dev.streamtune.core.eval;

/**
 * The accuracy matrix of a continual-learning run over {@code T} experiences: {@code a[i][j]} = accuracy on the
 * test data of experience {@code j} after training on experiences {@code 0..i}. Indices are 0-based here; the
 * formulas below use them directly. Entries not measured are NaN and are skipped.
 *
 * <ul>
 *   <li>Average accuracy after experience {@code k} (Chaudhry et al., ECCV 2018, "Riemannian Walk"):
 *       {@code A_k = 1/(k+1) · Σ_{j=0..k} a[k][j]}.
 *   <li>Forgetting after experience {@code k >= 1} (Chaudhry et al. 2018): for each earlier experience
 *       {@code j < k}, {@code f_j^k = max_{l=0..k-1} a[l][j] − a[k][j]} (best accuracy ever had on {@code j}
 *       minus accuracy now), and {@code F_k = 1/k · Σ_{j=0..k-1} f_j^k}. Positive = forgotten.
 *   <li>Backward transfer (Lopez-Paz and Ranzato, NeurIPS 2017, "Gradient Episodic Memory"):
 *       {@code BWT = 1/(T-1) · Σ_{i=0..T-2} (a[T-1][i] − a[i][i])}. Negative = forgetting.
 * </ul>
 */
public final class AccuracyMatrix {

    private final double[][] a;

    /** An unmeasured matrix for {@code experiences} experiences. */
    public AccuracyMatrix(int experiences) {
        if (experiences <= 0) {
            throw new IllegalArgumentException("need at least one experience, got " + experiences);
        }
        a = new double[experiences][experiences];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
    }

    public int experiences() {
        return a.length;
    }

    /** Records the accuracy on experience {@code onExperience}'s test data after training {@code afterExperience}. */
    public void set(int afterExperience, int onExperience, double accuracy) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        a[afterExperience][onExperience] = accuracy;
    }

    public double get(int afterExperience, int onExperience) {
        return a[afterExperience][onExperience];
    }

    /** {@code A_k}: mean accuracy over experiences {@code 0..k} after training experience {@code k}. */
    public double averageAccuracy(int k) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j <= k; j++) {
            if (!Double.isNaN(a[k][j])) {
                sum += a[k][j];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {@code A_{T-1}}: average accuracy at the end. */
    public double finalAverageAccuracy() {
        return averageAccuracy(a.length - 1);
    }

    /** {@code F_k} (Chaudhry et al. 2018); 0 for {@code k = 0} (nothing to forget yet). */
    public double forgetting(int k) {
        if (k == 0) {
            return 0;
        }
        double sum = 0;
        int n = 0;
        for (int j = 0; j < k; j++) {
            double best = Double.NaN;
            for (int l = 0; l < k; l++) {
                if (!Double.isNaN(a[l][j]) && (Double.isNaN(best) || a[l][j] > best)) {
                    best = a[l][j];
                }
            }
            if (!Double.isNaN(best) && !Double.isNaN(a[k][j])) {
                sum += best - a[k][j];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {@code F_{T-1}}: forgetting at the end. */
    public double finalForgetting() {
        return forgetting(a.length - 1);
    }

    /** BWT (Lopez-Paz and Ranzato 2017); 0 for a single experience. */
    public double backwardTransfer() {
        int t = a.length;
        if (t == 1) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < t - 1; i++) {
            sum += a[t - 1][i] - a[i][i];
        }
        return sum / (t - 1);
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
