package org.osim.api.result;

/**
 * How a real-time task's jobs fared. Times in nanoseconds; a job's response time is its completion
 * minus its release, its lateness its completion minus its deadline (negative when early).
 *
 * @param released jobs released within the run
 * @param completed jobs that ran to their end (late or not)
 * @param missed jobs that missed their deadline (late, aborted, or unfinished at a deadline within the run)
 * @param aborted jobs abandoned at their deadline ({@code abortOnMiss})
 * @param worstResponse the longest response time of a completed job (0 if none)
 * @param meanResponse the mean response time of completed jobs (0 if none)
 * @param maxLateness the greatest lateness of a completed job (negative if all were early; 0 if none)
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record RealTimeResult(long released, long completed, long missed, long aborted, long worstResponse,
                             double meanResponse, long maxLateness) {}
