package org.osim.api.object;

import static java.util.Objects.requireNonNull;

/**
 * What an operation did: it completed (with a value), it blocks the caller on a wait queue (until the
 * object wakes it, or a time-out), it spins (busy-waits on its CPU, then tries again), or it failed — a
 * misuse, such as releasing a mutex one does not hold, which ends the calling process with a fatal error
 * naming the object.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public sealed interface Outcome {
    record Done(long value) implements Outcome {}

    /** @param timeoutNanos how long to wait at most; {@code Long.MAX_VALUE} for ever */
    record Block(WaitQueue queue, long timeoutNanos) implements Outcome {
        public Block {
            requireNonNull(queue, "queue is null");
            if (timeoutNanos < 0) {
                throw new IllegalArgumentException("timeout cannot be negative");
            }
        }
    }

    /**
     * The caller busy-waits on its CPU for {@code nanos} (CPU time it is charged, and may be preempted
     * in), then the kernel makes the same call again — one system call, however many tries. While it
     * spins it waits for the holders of {@code queue}: a cycle of such waits is a deadlock, and since
     * spinners never give up, the kernel reports it and ends the run.
     */
    record Spin(WaitQueue queue, long nanos) implements Outcome {
        public Spin {
            requireNonNull(queue, "queue is null");
            if (nanos <= 0) {
                throw new IllegalArgumentException("a spin must last some time, got " + nanos + " ns");
            }
        }
    }

    record Fail(String reason) implements Outcome {
        public Fail {
            requireNonNull(reason, "reason is null");
        }
    }

    static Outcome done() {
        return new Done(0);
    }

    static Outcome done(long value) {
        return new Done(value);
    }

    static Outcome block(WaitQueue queue) {
        return new Block(queue, Long.MAX_VALUE);
    }

    static Outcome block(WaitQueue queue, long timeoutNanos) {
        return new Block(queue, timeoutNanos);
    }

    static Outcome spin(WaitQueue queue, long nanos) {
        return new Spin(queue, nanos);
    }

    static Outcome fail(String reason) {
        return new Fail(reason);
    }
}
