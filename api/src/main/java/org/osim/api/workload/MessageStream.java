package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Messages arriving at a process from a device (requests from the network, say), each to be handled by
 * the named program: by a fresh pop-up thread, or by a thread that {@code serve}s them.
 *
 * @param device where they come from, for reports ({@code network})
 * @param handler the program that handles one message
 * @param arrivals when each arrives, in nanoseconds from the start of the run (drawn from the seed)
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record MessageStream(String device, String handler, List<Long> arrivals) {
    public MessageStream {
        requireNonNull(device, "device is null");
        requireNonNull(handler, "handler is null");
        arrivals = List.copyOf(arrivals);
    }
}
