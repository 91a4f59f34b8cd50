package org.osim.kernel.core;

import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;

/** Hands the kernel's typed trace events to the run's listeners; with none, callers skip building events. */
final class Tracer {
    private final TraceListener[] listeners;
    /** The listeners that asked for every machine instruction. */
    private final TraceListener[] instructionListeners;
    /** The listeners that asked for the timeline's events. */
    private final TraceListener[] timelineListeners;

    Tracer(TraceListener[] listeners) {
        this.listeners = listeners;
        this.instructionListeners = java.util.Arrays.stream(listeners).filter(TraceListener::instructions)
                .toArray(TraceListener[]::new);
        this.timelineListeners = java.util.Arrays.stream(listeners).filter(TraceListener::timeline)
                .toArray(TraceListener[]::new);
    }

    /** Whether anyone wants the timeline's events (slices, wake-ups): test it before building one. */
    boolean timeline() {
        return timelineListeners.length > 0;
    }

    void emitTimeline(TraceEvent e) {
        for (TraceListener l : timelineListeners) {
            l.on(e);
        }
    }

    /** Whether anyone wants machine instructions traced: test it before building one. */
    boolean instructions() {
        return instructionListeners.length > 0;
    }

    void emitInstruction(TraceEvent.InstructionExecuted e) {
        for (TraceListener l : instructionListeners) {
            l.on(e);
        }
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
