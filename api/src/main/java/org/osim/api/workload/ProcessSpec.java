package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.osim.api.program.Program;

/**
 * One process of a workload.
 *
 * @param name unique within the workload
 * @param arrival when it arrives, in nanoseconds
 * @param priority larger is more important (the textbook's convention)
 * @param nice the Unix nice value, -20 (most favoured) to 19, for policies that weigh tasks by it (CFS, EEVDF)
 * @param tickets lottery tickets, at least 1
 * @param user the user it runs for, for fair-share policies
 * @param runtime declared run time for policies that may know it; empty means the sum of its CPU bursts (a gang's:
 *     its longest thread's)
 * @param threads its threads; a process written with {@code bursts} or {@code program} has one, named like the process
 * @param programs named programs that {@code spawn} and {@code fork} start
 * @param periodic for a real-time task, its releases and deadlines: each job runs the program once, the
 *     first released at {@code arrival}
 * @param affinity the CPUs its threads may run on; empty for any
 * @param threading its thread model ({@code kernel} unless the workload says otherwise)
 * @param messages messages that arrive for it; empty for none
 * @param popup whether each message gets a fresh (pop-up) thread running its handler; a pop-up process
 *     may start with no thread at all
 * @param gang whether its threads form a rigid gang (a parallel job of the space-sharing world, Tanenbaum §8.1.5):
 *     they start together, each on a CPU of its own, under a policy that {@linkplain
 *     org.osim.api.sched.Scheduler#schedulesGangs() schedules gangs}; its declared run time is then each thread's
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record ProcessSpec(String name, long arrival, int priority, int nice, int tickets, String user, OptionalLong runtime,
                          List<ThreadSpec> threads, Map<String, Program> programs, java.util.Optional<PeriodicSpec> periodic,
                          List<Integer> affinity, ThreadingSpec threading, List<MessageStream> messages, boolean popup,
                          boolean gang) {
    /** A process whose threads are not a gang. */
    public ProcessSpec(String name, long arrival, int priority, int nice, int tickets, String user, OptionalLong runtime,
                       List<ThreadSpec> threads, Map<String, Program> programs, java.util.Optional<PeriodicSpec> periodic,
                       List<Integer> affinity, ThreadingSpec threading, List<MessageStream> messages, boolean popup) {
        this(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, affinity, threading, messages,
                popup, false);
    }

    public ProcessSpec {
        requireNonNull(name, "name is null");
        requireNonNull(user, "user is null");
        requireNonNull(runtime, "runtime is null");
        threads = List.copyOf(threads);
        programs = Map.copyOf(programs);
        requireNonNull(periodic, "periodic is null");
        affinity = List.copyOf(affinity);
        requireNonNull(threading, "threading is null");
        messages = List.copyOf(messages);
        if (periodic.isPresent() && threads.size() != 1) {
            throw new IllegalArgumentException("a periodic process has one thread");
        }
        if (arrival < 0) {
            throw new IllegalArgumentException("arrival cannot be negative");
        }
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be from -20 to 19, got " + nice);
        }
        if (tickets < 1) {
            throw new IllegalArgumentException("tickets must be at least 1");
        }
        if (threads.isEmpty() && !(popup && !messages.isEmpty())) {
            throw new IllegalArgumentException("process '" + name + "' has no thread");
        }
        if (gang && (periodic.isPresent() || popup || threading.userLevel())) {
            throw new IllegalArgumentException("process '" + name + "': a gang is a process of kernel threads, not periodic or pop-up");
        }
    }

    /** A single-threaded process running {@code program}, arriving at {@code arrival}, with default attributes. */
    public static ProcessSpec of(String name, long arrival, Program program) {
        return new ProcessSpec(name, arrival, 0, 0, 1, "default", OptionalLong.empty(),
                List.of(new ThreadSpec(name, program)), Map.of(), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false);
    }

    /** A periodic process with these releases. */
    public ProcessSpec withPeriodic(PeriodicSpec periodic) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, java.util.Optional.of(periodic),
                affinity, threading, messages, popup, gang);
    }

    /** The same process pinned to {@code cpus}. */
    public ProcessSpec withAffinity(List<Integer> cpus) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, cpus, threading, messages, popup, gang);
    }

    /** The same process with another thread model. */
    public ProcessSpec withThreading(ThreadingSpec threading) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, affinity, threading, messages, popup, gang);
    }

    /** The same process receiving {@code messages}, handled by pop-up threads if {@code popup}. */
    public ProcessSpec withMessages(List<MessageStream> messages, boolean popup) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, affinity,
                threading, messages, popup, gang);
    }

    /** The declared run time: {@code runtime} if given, else the CPU bursts of all its threads (one job's, if periodic). */
    public long declaredRuntime() {
        if (runtime.isPresent()) {
            return runtime.getAsLong();
        }
        long sum = 0;
        long longest = 0;
        for (ThreadSpec t : threads) {
            sum += t.program().cpuNanos();
            longest = Math.max(longest, t.program().cpuNanos());
        }
        return gang ? longest : sum;
    }

    /** The same process with its threads a gang, or not. */
    public ProcessSpec withGang(boolean gang) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, affinity, threading, messages, popup, gang);
    }

    public ProcessSpec withPriority(int priority) {
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, periodic, affinity, threading, messages, popup, gang);
    }
}
