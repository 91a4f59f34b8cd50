package org.osim.ipc;

import java.util.List;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.param.Parameters;

/**
 * A source of random numbers, like reading {@code /dev/urandom}: what a program needs for a random
 * back-off (the dining philosophers that wait a random time before trying again, Tanenbaum §2.5.1).
 * Seeded from the run's seed, so a run is repeatable.
 */
public final class RandomSource implements KernelObjectFactory {
    @Override
    public String type() {
        return "random";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "A source of random numbers, like reading /dev/urandom: next N returns a number from 0 to N - 1 in r0, "
                + "each equally likely. It draws from its own stream, derived from the run's seed, so the same seed "
                + "gives the same numbers. For random back-off (Tanenbaum §2.5.1: wait a random time, then try again).";
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("next", 1, 1, false, "next N: a random number from 0 to N - 1 in r0"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        return call -> {
            long n = call.longArgument(0);
            if (n < 1) {
                throw new IllegalArgumentException("next needs a bound of at least 1, got " + n);
            }
            context.count("numbers drawn", 1);
            return Outcome.done(context.random().nextLong(n));
        };
    }
}
