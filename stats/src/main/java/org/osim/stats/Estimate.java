package org.osim.stats;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A metric estimated from n independent replications: their mean, sample standard deviation, and the half-width
 * of the Student-t confidence interval at {@code confidence}, {@code t(1 - (1 - confidence) / 2, n - 1) · sd / √n}
 * (Law and Kelton, Simulation Modeling and Analysis, §9.4.1). With one replication the half-width is NaN: one run
 * says nothing about its own noise.
 */
public record Estimate(double mean, double standardDeviation, double halfWidth, int n, double confidence) {
    public Estimate {
        if (n < 1) {
            throw new IllegalArgumentException("an estimate needs at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level lies strictly between 0 and 1, got " + confidence);
        }
    }

    /** The estimate from {@code values}, one per replication. */
    public static Estimate of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("an estimate needs at least one value");
        }
        double mean = Mean.of(values).getAsDouble();
        if (n == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, 1, confidence);
        }
        double sd = StandardDeviation.of(values).getAsDouble();
        return new Estimate(mean, sd, quantile(confidence, n - 1) * sd / Math.sqrt(n), n, confidence);
    }

    /** The Student-t quantile of a two-sided interval at {@code confidence} with {@code df} degrees of freedom. */
    static double quantile(double confidence, int df) {
        return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** The half-width over the mean's magnitude: what {@code --precision} bounds. */
    public double relativeHalfWidth() {
        return halfWidth / Math.abs(mean);
    }

    /** Whether {@code x} lies within the interval. */
    public boolean contains(double x) {
        return x >= low() && x <= high();
    }
}
