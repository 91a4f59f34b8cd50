package org.osim.kernel.core;

import java.util.ArrayDeque;

/**
 * What a process receives from a device (pop-up threads, servers): the messages waiting to be served, the threads
 * waiting for one, and how long the messages waited and took. Kept apart from the process entry, which most
 * processes (a million arriving at once, say) need without it.
 */
final class DeviceMessages {
    private final String process;
    private ArrayDeque<Message> inbox; // made on first use
    WaitQueue receivers;
    boolean popup;
    int toCome;
    int asyncInFlight;
    long arrived;
    long handled;
    long started;
    long latencySum;
    long latencyWorst;
    long responseSum;
    long responseWorst;

    DeviceMessages(String process) {
        this.process = process;
    }

    WaitQueue receivers() {
        if (receivers == null) {
            receivers = new WaitQueue("a message for " + process);
        }
        return receivers;
    }

    /** Messages that arrived and wait for a thread to serve them. */
    ArrayDeque<Message> inbox() {
        if (inbox == null) {
            inbox = new ArrayDeque<>(2);
        }
        return inbox;
    }

    /** Handling of {@code m} starts now. */
    void started(Message m, long now) {
        if (!m.started) {
            m.started = true;
            started++;
            long latency = now - m.arrival;
            latencySum += latency;
            latencyWorst = Math.max(latencyWorst, latency);
        }
    }

    /** Handling of {@code m} ended now. */
    void handled(Message m, long now) {
        handled++;
        long response = now - m.arrival;
        responseSum += response;
        responseWorst = Math.max(responseWorst, response);
    }

    /** Whether no message is waiting, in flight, or still to come. */
    boolean done() {
        return toCome == 0 && (inbox == null || inbox.isEmpty()) && asyncInFlight == 0;
    }
}
