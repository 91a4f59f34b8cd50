package org.osim.api.trace;

/** Observes the events of a run as they happen. Called on the simulation's thread; must not throw. */
@FunctionalInterface
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface TraceListener {
    void on(TraceEvent event);

    /**
     * Whether this listener wants an {@link TraceEvent.InstructionExecuted} for every machine instruction (a
     * run is slower for it); others never see them.
     */
    default boolean instructions() {
        return false;
    }

    /**
     * Whether this listener wants the events a timeline is drawn from, {@link TraceEvent.Slice} for every stretch
     * of the schedule and {@link TraceEvent.Woken} for every wake-up by a kernel object; others never see them.
     */
    default boolean timeline() {
        return false;
    }
}
