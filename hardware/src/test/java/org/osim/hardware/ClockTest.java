package org.osim.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clock: per-CPU one-shot timers that can be moved and cancelled, and a periodic tick, each raising an interrupt. */
class ClockTest {
    private final Engine engine = new Engine();
    private final List<String> interrupts = new ArrayList<>();
    private final Clock.Handler handler = new Clock.Handler() {
        @Override
        public void timerExpired(int cpu) {
            interrupts.add(engine.now() + " timer cpu" + cpu);
        }

        @Override
        public void tick() {
            interrupts.add(engine.now() + " tick");
        }
    };

    @Test
    void oneShotTimersGoOffOnceWhereTheyWereLastSet() {
        Clock clock = new Clock(engine, 2, 0, handler);
        clock.start(); // no tick on this machine
        clock.setTimer(0, 30);
        clock.setTimer(1, 10);
        clock.setTimer(0, 20); // moved
        engine.at(15, EventRank.ARRIVAL, () -> clock.cancelTimer(1)); // too late: it went off at 10
        engine.at(15, EventRank.ARRIVAL, () -> clock.setTimer(1, 40));
        engine.at(35, EventRank.ARRIVAL, () -> clock.cancelTimer(1));
        engine.run();
        assertThat(interrupts).containsExactly("10 timer cpu1", "20 timer cpu0");
    }

    @Test
    void theTickComesEveryPeriodAfterTheSlicesEndAtTheSameInstant() {
        Clock clock = new Clock(engine, 1, 10, handler);
        clock.start();
        clock.setTimer(0, 20);
        engine.setHorizon(35);
        engine.run();
        assertThat(interrupts).containsExactly("10 tick", "20 timer cpu0", "20 tick", "30 tick");
    }
}
