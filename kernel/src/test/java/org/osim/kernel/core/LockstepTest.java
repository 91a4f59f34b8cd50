package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.osim.hardware.Cpu;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * CPUs in lockstep fire exactly as their own completion events would: the same CPUs at the same instants in the same
 * order, the same number of events, whatever comes between them.
 */
class LockstepTest {
    /** One machine of {@code n} CPUs, each stepping every nanosecond, through lockstep or through its own events. */
    private static final class Machine {
        final Engine engine = new Engine();
        final CpuSlot[] cpus;
        final List<String> fired = new ArrayList<>();
        final Lockstep lockstep;
        final boolean together;
        final java.util.Set<Integer> stopped = new java.util.HashSet<>();
        BiConsumer<Machine, CpuSlot> onStep = (m, c) -> {};
        long until = 20;

        Machine(int n, boolean together) {
            this.together = together;
            cpus = new CpuSlot[n];
            lockstep = new Lockstep(engine, n, this::step);
            for (int i = 0; i < n; i++) {
                CpuSlot c = new CpuSlot(i, new Cpu(i));
                c.completion = new Event(EventRank.COMPLETION) {
                    @Override
                    protected void fire() {
                        step(c);
                    }
                };
                cpus[i] = c;
            }
        }

        void step(CpuSlot c) {
            fired.add(engine.now() + ":cpu" + c.id);
            if (engine.now() < until && !stopped.contains(c.id)) {
                next(c, engine.now() + 1);
            }
            onStep.accept(this, c); // after its next step is due: what it does comes behind that
        }

        void next(CpuSlot c, long at) {
            if (together) {
                lockstep.schedule(c, at);
            } else {
                engine.schedule(c.completion, at);
            }
        }

        void stop(CpuSlot c) {
            stopped.add(c.id);
            engine.cancel(c.completion);
            lockstep.drop(c);
        }

        Machine run() {
            for (CpuSlot c : cpus) {
                next(c, 0);
            }
            engine.run();
            return this;
        }
    }

    private static void sameRun(BiConsumer<Machine, CpuSlot> onStep, int cpus, long maxEvents) {
        Machine alone = new Machine(cpus, false);
        Machine together = new Machine(cpus, true);
        for (Machine m : List.of(alone, together)) {
            m.onStep = onStep;
            m.engine.setMaxEvents(maxEvents);
            m.run();
        }
        assertThat(together.fired).isEqualTo(alone.fired);
        assertThat(together.engine.eventsFired()).isEqualTo(alone.engine.eventsFired());
        assertThat(together.engine.exceeded()).isEqualTo(alone.engine.exceeded());
    }

    @Test
    void threeCpusStepInTheOrderOfTheirOwnEvents() {
        Machine m = new Machine(3, true).run();
        assertThat(m.fired).startsWith("0:cpu0", "0:cpu1", "0:cpu2", "1:cpu0", "1:cpu1", "1:cpu2", "2:cpu0");
        assertThat(m.fired).hasSize(3 * 21);
        assertThat(m.engine.eventsFired()).isEqualTo(3 * 21); // one event counted per CPU step, as without lockstep
        sameRun((mm, c) -> {}, 3, Long.MAX_VALUE);
    }

    @Test
    void anEventScheduledBetweenTwoCpusKeepsItsPlace() {
        // At instant 5 cpu0 schedules another completion-rank event for instant 6: cpu1 and cpu2, scheduled after it,
        // must fire after it there, so they go on by their own events.
        sameRun((m, c) -> {
            if (m.engine.now() == 5 && c.id == 0) {
                m.engine.schedule(Event.of(EventRank.COMPLETION, () -> m.fired.add(m.engine.now() + ":other")), 6);
            }
        }, 3, Long.MAX_VALUE);
        Machine m = new Machine(3, true);
        m.onStep = (mm, c) -> {
            if (mm.engine.now() == 5 && c.id == 0) {
                mm.engine.schedule(Event.of(EventRank.COMPLETION, () -> mm.fired.add(mm.engine.now() + ":other")), 6);
            }
        };
        m.run();
        assertThat(m.fired).containsSubsequence("6:cpu0", "6:other", "6:cpu1", "6:cpu2", "7:cpu0");
    }

    @Test
    void aCpuStoppedByAnotherAtTheSameInstantDoesNotStep() {
        sameRun((m, c) -> {
            if (m.engine.now() == 7 && c.id == 0) {
                m.stop(m.cpus[1]); // waiting in the same instant, behind cpu0
            }
            if (m.engine.now() == 9 && c.id == 2) {
                m.stop(m.cpus[0]); // waiting in the next instant
                m.stop(m.cpus[2]);
            }
        }, 3, Long.MAX_VALUE);
    }

    @Test
    void anInstantLeftWithNoCpuIsNotCountedAsAnEvent() {
        Machine m = new Machine(2, true);
        m.onStep = (mm, c) -> {
            if (mm.engine.now() == 3 && c.id == 1) {
                mm.stop(mm.cpus[0]); // already due at 4 with cpu1 to follow
                mm.stop(mm.cpus[1]);
            }
        };
        m.run();
        assertThat(m.fired).endsWith("3:cpu0", "3:cpu1");
        assertThat(m.engine.eventsFired()).isEqualTo(8);
    }

    @Test
    void theEventLimitStopsBetweenTwoCpusOfOneInstant() {
        for (long limit : new long[] {1, 2, 7, 31, 62}) {
            sameRun((m, c) -> {}, 3, limit);
        }
        Machine m = new Machine(3, true);
        m.engine.setMaxEvents(7);
        m.run();
        assertThat(m.fired).endsWith("2:cpu0");
        assertThat(m.engine.eventsFired()).isEqualTo(7);
        assertThat(m.engine.exceeded()).isTrue();
    }
}
