package org.osim.api.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A problem the run detected: {@code kind} is {@code deadlock}, {@code mutual-exclusion}, {@code progress}
 * or {@code starvation}; {@code schedule} replays the interleaving that led there, where one applies.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record Violation(String kind, long time, List<String> threads, String detail, String schedule) {
    public Violation {
        requireNonNull(kind, "kind is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(schedule, "schedule is null");
        threads = List.copyOf(threads);
    }

    /** The violation as a plain sentence, for table output. */
    public String sentence() {
        return kind + " at " + org.osim.api.SimTime.formatMillis(time) + " ms: " + detail;
    }
}
