package org.osim.kernel.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osim.api.program.Instruction;
import org.osim.api.program.Signal;

/**
 * A process's signals (Tanenbaum §1.5.1): what it does with each (a handler, ignore, or the default
 * action), which it blocks, and which are pending because they were blocked when they came.
 */
final class ProcessSignals {
    /** A handler: the program it is in, and where it starts. */
    record Handler(List<Instruction> program, int target) {}

    final Map<Signal, Handler> handlers = new EnumMap<>(Signal.class);
    /** Signals it ignores explicitly ({@code handle SIG ignore}). */
    long ignoring;
    long blocked;
    long pending;
    /** Who sent each pending signal. */
    final Map<Signal, String> pendingFrom = new EnumMap<>(Signal.class);
    long sent;
    long caught;
    long merged;
    long ignored;

    static long bit(Signal s) {
        return 1L << s.number();
    }

    /** Whether {@code s} is dropped on arrival: ignored explicitly, or by default (SIGCHLD) with no handler. */
    boolean ignores(Signal s) {
        return (ignoring & bit(s)) != 0 || (!s.terminatesByDefault() && !handlers.containsKey(s));
    }

    /** {@code handle SIG …}: a handler in {@code program}, ignore, or back to the default. */
    void handle(Instruction.Handle h, List<Instruction> program) {
        handlers.remove(h.signal());
        ignoring &= ~bit(h.signal());
        if (h.handler()) {
            handlers.put(h.signal(), new Handler(program, h.target()));
        } else if (h.action().equals("ignore")) {
            ignoring |= bit(h.signal());
        }
    }
}
