package org.osim.kernel.core;

import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;

/** Hands the kernel's typed trace events to the run's listeners; with none, callers skip building events. */
final class Tracer {
    private final TraceListener[] listeners;

    Tracer(TraceListener[] listeners) {
        this.listeners = listeners;
    }

    /** Whether anyone listens: test it before building an event. */
    boolean on() {
        return listeners.length > 0;
    }

    void emit(TraceEvent e) {
        for (TraceListener l : listeners) {
            l.on(e);
        }
    }
}
