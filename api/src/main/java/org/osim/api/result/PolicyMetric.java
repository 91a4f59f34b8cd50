package org.osim.api.result;

import static java.util.Objects.requireNonNull;

/**
 * A figure a policy published about a task ({@code SchedulerContext.report}): a plain number, or a
 * duration in nanoseconds ({@code time}) that reports print in their time unit.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record PolicyMetric(String name, double value, boolean time) {
    public PolicyMetric {
        requireNonNull(name, "name is null");
    }
}
