package org.osim.api.trace;

/** Observes the events of a run as they happen. Called on the simulation's thread; must not throw. */
@FunctionalInterface
public interface TraceListener {
    void on(TraceEvent event);
}
