package org.osim.kernel.core;

import java.util.Arrays;
import java.util.List;
import org.osim.api.result.PolicyMetric;

/**
 * The figures a policy published about one thread. Policies may report on every dispatch, so updating a
 * figure already known stores into arrays and allocates nothing.
 */
final class PolicyFigures {
    private String[] names = new String[2];
    private double[] values = new double[2];
    private boolean[] times = new boolean[2];
    private int size;

    void put(String name, double value, boolean time) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name || names[i].equals(name)) {
                values[i] = value;
                times[i] = time;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        names[size] = name;
        values[size] = value;
        times[size] = time;
        size++;
    }

    /** In the order first published. */
    List<PolicyMetric> asList() {
        PolicyMetric[] out = new PolicyMetric[size];
        for (int i = 0; i < size; i++) {
            out[i] = new PolicyMetric(names[i], values[i], times[i]);
        }
        return List.of(out);
    }
}
