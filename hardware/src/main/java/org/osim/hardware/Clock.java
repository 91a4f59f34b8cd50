package org.osim.hardware;

/**
 * The clock (DESIGN §3): one one-shot timer per CPU, which the kernel sets to end a time slice, and an
 * optional periodic tick, for policies that age or decay. Each raises an interrupt that the handler the
 * kernel installed takes (Tanenbaum Fig. 2-5, step 2: the interrupt vector gives the service routine).
 */
public final class Clock {
    /** The kernel's service routines for the clock's interrupts. */
    public interface Handler {
        /** CPU {@code cpu}'s one-shot timer expired. */
        void timerExpired(int cpu);

        /** The periodic tick, on every CPU at once. */
        void tick();
    }

    private final Engine engine;
    private final long tickNanos;
    private final Event[] timers;
    private final Event tick;

    /** @param tickNanos the period of the tick, 0 for a machine without one */
    public Clock(Engine engine, int cpus, long tickNanos, Handler handler) {
        this.engine = engine;
        this.tickNanos = tickNanos;
        this.timers = new Event[cpus];
        for (int i = 0; i < cpus; i++) {
            int cpu = i;
            timers[i] = Event.of(EventRank.SLICE_END, () -> handler.timerExpired(cpu));
        }
        this.tick = tickNanos <= 0 ? null : new Event(EventRank.TICK) {
            @Override
            protected void fire() {
                handler.tick();
                engine.schedule(this, engine.now() + Clock.this.tickNanos);
            }
        };
    }

    /** Starts the periodic tick, if the machine has one: the first falls one period after the start. */
    public void start() {
        if (tick != null) {
            engine.schedule(tick, tickNanos);
        }
    }

    /** Sets CPU {@code cpu}'s one-shot timer to go off at {@code at} (moving it if it was set). */
    public void setTimer(int cpu, long at) {
        engine.schedule(timers[cpu], at);
    }

    /** Cancels CPU {@code cpu}'s one-shot timer, if it is set. */
    public void cancelTimer(int cpu) {
        engine.cancel(timers[cpu]);
    }
}
