package org.osim.stats;

/**
 * Holm's step-down correction for a family of tests (Holm, "A simple sequentially rejective multiple test
 * procedure", Scand. J. Statistics 1979): the i-th smallest of m p-values becomes max over j ≤ i of
 * min(1, (m - j + 1) · p(j)), so that rejecting where the adjusted value is below α keeps the family-wise error at α.
 */
public final class Holm {
    private Holm() {}

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
