package org.osim.api.trace;

import static java.util.Objects.requireNonNull;

import org.osim.api.SimTime;
import org.osim.api.result.Termination;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.StopReason;

/**
 * Something that happened in a run at simulated time {@link #time()}. Tasks are named as in results
 * ({@code A}, or {@code A.worker} for a thread). {@link #describe()} gives the one-line text of a trace.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public sealed interface TraceEvent {
    long time();

    /** What happened, in words, without the time. */
    String describe();

    /** A process arrived (or was forked) with its first threads. */
    record ProcessCreated(long time, String process, String parent) implements TraceEvent {
        public ProcessCreated {
            requireNonNull(process, "process is null");
            requireNonNull(parent, "parent is null");
        }

        @Override
        public String describe() {
            return parent.isEmpty() ? "arrive " + process : "fork " + process + " by " + parent;
        }
    }

    /** A task became runnable and was handed to the policy. */
    record Enqueued(long time, String task, EnqueueReason reason) implements TraceEvent {
        @Override
        public String describe() {
            return "ready " + task + " (" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    /** A task was dispatched on a CPU; {@code overheadNanos} of switching come before it runs. */
    record Dispatched(long time, int cpu, String task, boolean contextSwitch, long overheadNanos) implements TraceEvent {
        @Override
        public String describe() {
            return "cpu" + cpu + " run " + task + (overheadNanos > 0 ? " after " + SimTime.format(overheadNanos) + " overhead" : "");
        }
    }

    /** A task stopped running on a CPU. */
    record Stopped(long time, int cpu, String task, StopReason reason, long ranNanos) implements TraceEvent {
        @Override
        public String describe() {
            return "cpu" + cpu + " stop " + task + " (" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ", ran " + SimTime.format(ranNanos) + ")";
        }
    }

    /** A task blocked; {@code on} says on what ({@code io disk}, {@code sleep}, {@code join}, {@code wait}). */
    record Blocked(long time, String task, String on) implements TraceEvent {
        @Override
        public String describe() {
            return "block " + task + " on " + on;
        }
    }

    /** A CPU found nothing to run. */
    record Idle(long time, int cpu) implements TraceEvent {
        @Override
        public String describe() {
            return "cpu" + cpu + " idle";
        }
    }

    /**
     * Scheduler activations: the kernel told a process's run-time system that {@code thread} blocked,
     * unblocked or was preempted, or that it has a new virtual processor ({@code what}).
     */
    record Upcall(long time, String process, String what, String thread) implements TraceEvent {
        @Override
        public String describe() {
            return "upcall " + process + ": " + what + (thread.isEmpty() ? "" : " " + thread);
        }
    }

    /** A kernel object noted something it did ("version 1 reclaimed"). */
    record ObjectNote(long time, String object, String what) implements TraceEvent {
        public ObjectNote {
            requireNonNull(object, "object is null");
            requireNonNull(what, "what is null");
        }

        @Override
        public String describe() {
            return object + ": " + what;
        }
    }

    /** A thread was created inside a process by {@code spawn}. */
    record ThreadCreated(long time, String thread, String by) implements TraceEvent {
        @Override
        public String describe() {
            return "spawn " + thread + " by " + by;
        }
    }

    /** A thread ended (its program ran out, or its process ended). */
    record ThreadExited(long time, String thread) implements TraceEvent {
        @Override
        public String describe() {
            return "thread exit " + thread;
        }
    }

    /** A process ended, in one of the four ways of {@link Termination.Kind}. */
    record ProcessExited(long time, String process, Termination termination) implements TraceEvent {
        @Override
        public String describe() {
            return "exit " + process + " (" + termination + ")";
        }
    }

    /**
     * Signal {@code signal} ({@code SIGUSR1}) sent to {@code process} by {@code from} (a process, or the kernel)
     * and what became of it: {@code ignored}, {@code pending} (blocked), {@code merged} (one still waiting to be
     * handled stands for both), {@code caught by T} (its handler runs in thread T) or {@code default action}.
     */
    record Signalled(long time, String process, String signal, String from, String outcome) implements TraceEvent {
        public Signalled {
            requireNonNull(process, "process is null");
            requireNonNull(signal, "signal is null");
            requireNonNull(from, "from is null");
            requireNonNull(outcome, "outcome is null");
        }

        @Override
        public String describe() {
            return "signal " + signal + " to " + process + (from.isEmpty() ? "" : " from " + from) + ": " + outcome;
        }
    }

    /** Job {@code job} (from 0) of periodic task {@code task} missed its deadline; {@code aborted} if it was abandoned. */
    record DeadlineMissed(long time, String task, int job, boolean aborted) implements TraceEvent {
        public DeadlineMissed {
            requireNonNull(task, "task is null");
        }

        @Override
        public String describe() {
            return "deadline miss " + task + " job " + job + (aborted ? " (aborted)" : "");
        }
    }

    /**
     * A policy noted a decision of its own ({@code SchedulerContext.note}): why it switched, what it drew.
     */
    record PolicyNote(long time, String what) implements TraceEvent {
        public PolicyNote {
            requireNonNull(what, "what is null");
        }

        @Override
        public String describe() {
            return "policy: " + what;
        }
    }

    /**
     * A machine instruction ran (only for listeners that ask, {@link TraceListener#instructions()}): thread
     * {@code task} on {@code cpu} executed instruction {@code pc} of its program and goes on at {@code nextPc};
     * its registers r0 to r7 and the six condition codes ({@code codes}, bits GTE 1, GT 2, LTE 4, LT 8, NEQ 16,
     * EQ 32) as they are after it, and the memory element it wrote, if any.
     */
    record InstructionExecuted(long time, int cpu, String task, int pc, int nextPc, String text, java.util.List<Long> registers,
                               int codes, java.util.Optional<MemoryWrite> write) implements TraceEvent {
        public InstructionExecuted {
            requireNonNull(task, "task is null");
            requireNonNull(text, "text is null");
            registers = java.util.List.copyOf(registers);
            requireNonNull(write, "write is null");
        }

        @Override
        public String describe() {
            return "cpu" + cpu + " " + task + " " + pc + ": " + text + write.map(w -> " (" + w + ")").orElse("");
        }
    }

    /**
     * A stretch of the schedule ended (only for listeners that ask, {@link TraceListener#timeline()}): {@code task}
     * ran on {@code cpu} from {@code start} to {@link #time()}, exactly as the run's recorded slices give it (a
     * user-level thread under its kernel thread is the task that ran).
     */
    record Slice(long time, int cpu, String task, long start) implements TraceEvent {
        public Slice {
            requireNonNull(task, "task is null");
        }

        @Override
        public String describe() {
            return "cpu" + cpu + " slice " + task + " from " + SimTime.format(start);
        }
    }

    /**
     * A blocked task was woken by an operation on a kernel object (only for listeners that ask, {@link
     * TraceListener#timeline()}): {@code object}'s {@code operation} called by {@code by} (an up, a signal, a
     * send, an unlock), or by no thread ({@code by} empty) when the object's own timer or the kernel woke it.
     */
    record Woken(long time, String task, String by, String object, String operation) implements TraceEvent {
        public Woken {
            requireNonNull(task, "task is null");
            requireNonNull(by, "by is null");
            requireNonNull(object, "object is null");
            requireNonNull(operation, "operation is null");
        }

        @Override
        public String describe() {
            return "wake " + task + (by.isEmpty() ? "" : " by " + by) + " (" + object + (operation.isEmpty() ? "" : "." + operation) + ")";
        }
    }

    /**
     * What kernel object {@code object} holds at the end of an instant in which it changed (only for listeners that
     * ask, {@link TraceListener#timeline()}): {@code waiters} and the object's own levels (a semaphore's {@code value}).
     */
    record ObjectLevels(long time, String object, java.util.Map<String, Long> levels) implements TraceEvent {
        public ObjectLevels {
            requireNonNull(object, "object is null");
            levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        }

        @Override
        public String describe() {
            return object + " levels " + levels;
        }
    }

    /**
     * How many ready tasks each CPU may run — those whose affinity allows it — at the end of an instant in which it
     * changed (only for listeners that ask, {@link TraceListener#timeline()}); {@code perCpu.get(i)} is CPU i's.
     */
    record ReadyTasks(long time, java.util.List<Integer> perCpu) implements TraceEvent {
        public ReadyTasks {
            perCpu = java.util.List.copyOf(perCpu);
        }

        @Override
        public String describe() {
            return "ready per cpu " + perCpu;
        }
    }

    /** Element {@code element} of memory word {@code word} became {@code value}. */
    record MemoryWrite(String word, int element, long value) {
        public MemoryWrite {
            requireNonNull(word, "word is null");
        }

        @Override
        public String toString() {
            return word + "[" + element + "] = " + value;
        }
    }
}
