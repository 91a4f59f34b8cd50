package org.osim.api.result;

/**
 * How a process handled the messages that arrived for it. Latency is from a message's arrival to the
 * start of its handling; response time from arrival to the end of its handling. Nanoseconds.
 *
 * @param arrived messages that arrived within the run
 * @param handled messages whose handling ended
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record MessageResult(long arrived, long handled, double meanLatency, long worstLatency, double meanResponse,
                            long worstResponse) {}
