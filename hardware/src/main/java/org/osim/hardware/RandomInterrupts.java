package org.osim.hardware;

import java.util.SplittableRandom;

/**
 * A device that interrupts each CPU about every N instructions (machine: { interrupts: random(N) }): the gap
 * before each CPU's next interrupt is drawn uniformly from 1 to 2N - 1 instructions, N on average, from the
 * device's own seeded stream.
 */
public final class RandomInterrupts {
    private final int every;
    private final SplittableRandom random;
    private final int[] countdown;

    /** @param every the mean gap in instructions; 0 for a machine without the device */
    public RandomInterrupts(int every, int cpus, SplittableRandom random) {
        if (every < 0) {
            throw new IllegalArgumentException("interrupts: random(N) needs N of at least 1, got " + every);
        }
        this.every = every;
        this.random = random;
        this.countdown = new int[cpus];
        if (every > 0) {
            for (int i = 0; i < cpus; i++) {
                countdown[i] = next();
            }
        }
    }

    /** Whether the machine has the device at all. */
    public boolean present() {
        return every > 0;
    }

    /** CPU {@code cpu} starts an instruction: whether its interrupt falls now (the next one is then drawn). */
    public boolean instructionStarted(int cpu) {
        if (--countdown[cpu] > 0) {
            return false;
        }
        countdown[cpu] = next();
        return true;
    }

    private int next() {
        return 1 + random.nextInt(2 * every - 1);
    }
}
