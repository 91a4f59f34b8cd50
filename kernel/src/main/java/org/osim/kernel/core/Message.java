package org.osim.kernel.core;

import java.util.List;
import org.osim.api.program.Instruction;

/**
 * A message that arrived for a process: when, and the code that handles it — its handler, or what is
 * left of it after an asynchronous I/O (a continuation).
 */
final class Message {
    final long arrival;
    final List<Instruction> code;
    boolean started;

    Message(long arrival, List<Instruction> code) {
        this.arrival = arrival;
        this.code = code;
    }

    /** The rest of this message's handling, from {@code from} on. */
    Message continuation(List<Instruction> rest) {
        Message m = new Message(arrival, rest);
        m.started = true;
        return m;
    }
}
