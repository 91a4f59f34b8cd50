package org.osim.stats;

/** What a paired comparison says about a policy against the baseline, for one metric. */
public enum Verdict {
    BETTER, WORSE, NO_SIGNIFICANT_DIFFERENCE;

    /** As reports print it: {@code better}, {@code worse}, {@code no significant difference}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
