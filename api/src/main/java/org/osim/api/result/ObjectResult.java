package org.osim.api.result;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a kernel object was used. Every operation is a system call. Times in nanoseconds.
 *
 * @param blocks calls that blocked
 * @param timeouts waits that ended by time-out
 * @param totalWait time threads spent blocked in it, summed
 * @param worstWait the longest single wait
 * @param acquisitions times a thread came to hold it
 * @param holdTime time it was held, summed over holders
 * @param systemCallsAvoided operations a user-space fast path completed without calling it ({@code fast})
 * @param counters the type's own counts ("versions reclaimed"), in the order the object first used them
 * @param times the type's own durations ("writer wait"), in nanoseconds, in the order it first used them
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record ObjectResult(String name, String type, long operations, long blocks, long timeouts, long totalWait,
                           long worstWait, long acquisitions, long holdTime, long systemCallsAvoided,
                           Map<String, Long> counters, Map<String, Long> times) {
    public ObjectResult {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(counters, "counters is null")));
        times = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(times, "times is null")));
    }
}
