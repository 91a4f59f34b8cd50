package org.osim.api.result;

import static java.util.Objects.requireNonNull;

/**
 * How a critical region of machine-level programs was used ({@code want}, {@code enter}, {@code leave}).
 * Times in nanoseconds.
 *
 * @param entries times a thread entered it
 * @param waits entries that a {@code want} announced: the entry protocol's waits
 * @param totalWait time from {@code want} to {@code enter}, summed over those entries
 * @param worstWait the longest of them
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record RegionResult(String name, long entries, long waits, long totalWait, long worstWait) {
    public RegionResult {
        requireNonNull(name, "name is null");
    }

    /** The mean wait to get in, in nanoseconds; 0 if nobody announced one. */
    public double meanWait() {
        return waits == 0 ? 0 : (double) totalWait / waits;
    }
}
