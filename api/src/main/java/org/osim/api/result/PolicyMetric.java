package org.osim.api.result;

/**
 * A figure a policy published about a task ({@code SchedulerContext.report}): a plain number, or a
 * duration in nanoseconds that reports print in their time unit.
 */
public record PolicyMetric(double value, boolean time) {}
