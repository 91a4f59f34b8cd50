package org.osim.api.program;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.osim.api.SimTime;

/**
 * One instruction of a simulated program: the coarse instruction set (docs/workload-format.md). Each record
 * prints back in the text form the parser reads ({@code cpu 5ms}, {@code io disk 10ms}).
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public sealed interface Instruction {

    /** {@code cpu 5ms}: compute; preemptible mid-way, the remaining time is kept. */
    record Compute(long nanos) implements Instruction {
        public Compute {
            positive(nanos, "cpu");
        }

        @Override
        public String toString() {
            return "cpu " + SimTime.format(nanos);
        }
    }

    /** {@code io 10ms} waits alone; {@code io disk 10ms} queues first-come first-served at device {@code disk}. */
    record Io(Optional<String> device, long nanos) implements Instruction {
        public Io {
            requireNonNull(device, "device is null");
            positive(nanos, "io");
        }

        @Override
        public String toString() {
            return "io " + device.map(d -> d + " ").orElse("") + SimTime.format(nanos);
        }
    }

    /** {@code sleep 20ms}: block for a while without any device. */
    record Sleep(long nanos) implements Instruction {
        public Sleep {
            positive(nanos, "sleep");
        }

        @Override
        public String toString() {
            return "sleep " + SimTime.format(nanos);
        }
    }

    /**
     * {@code attach SEGMENT}: maps a named shared-memory segment of the workload into the process (System V
     * {@code shmat}): from then on every thread of the process can use the segment's words. A system call.
     */
    record Attach(String segment) implements Instruction {
        public Attach {
            requireNonNull(segment, "segment is null");
        }

        @Override
        public String toString() {
            return "attach " + segment;
        }
    }

    /**
     * {@code detach SEGMENT}: unmaps the segment again ({@code shmdt}); a later use of its words is a
     * segmentation fault. The segment and its contents live on for the processes that still have it.
     */
    record Detach(String segment) implements Instruction {
        public Detach {
            requireNonNull(segment, "segment is null");
        }

        @Override
        public String toString() {
            return "detach " + segment;
        }
    }

    /**
     * {@code signal SIG TARGET}: sends a signal (the {@code kill(2)} system call) to process TARGET, to
     * {@code self}, or to every process of a process group, {@code group:LEADER} (a process and the children
     * it forked, and theirs).
     */
    record SendSignal(Signal signal, String target) implements Instruction {
        public SendSignal {
            requireNonNull(signal, "signal is null");
            requireNonNull(target, "target is null");
        }

        @Override
        public String toString() {
            return "signal " + signal + " " + target;
        }
    }

    /**
     * {@code handle SIG LABEL | ignore | default}: what the process does with a signal ({@code sigaction}):
     * run the handler at LABEL (which ends with {@code sigreturn}), ignore it, or take the default action.
     *
     * @param target the handler's instruction; -1 for ignore and default
     */
    record Handle(Signal signal, String action, int target) implements Instruction {
        public Handle {
            requireNonNull(signal, "signal is null");
            requireNonNull(action, "action is null");
        }

        /** Whether the action is a handler (a label) rather than ignore or default. */
        public boolean handler() {
            return !action.equals("ignore") && !action.equals("default");
        }

        @Override
        public String toString() {
            return "handle " + signal + " " + action;
        }
    }

    /** {@code block SIG} / {@code unblock SIG}: a blocked signal stays pending until it is unblocked ({@code sigprocmask}). */
    record MaskSignal(Signal signal, boolean block) implements Instruction {
        public MaskSignal {
            requireNonNull(signal, "signal is null");
        }

        @Override
        public String toString() {
            return (block ? "block " : "unblock ") + signal;
        }
    }

    /** {@code pause}: sleep until a signal is caught (its handler runs, then pause returns). */
    record Pause() implements Instruction {
        @Override
        public String toString() {
            return "pause";
        }
    }

    /** {@code sigreturn}: the end of a signal handler: the interrupted program goes on where it was, as it was. */
    record SigReturn() implements Instruction {
        @Override
        public String toString() {
            return "sigreturn";
        }
    }

    /** {@code yield}: give up the CPU voluntarily and stay runnable. */
    record Yield() implements Instruction {
        @Override
        public String toString() {
            return "yield";
        }
    }

    /** {@code exit [code]}: end the whole process; a non-zero code is an error exit. */
    record Exit(int code) implements Instruction {
        @Override
        public String toString() {
            return code == 0 ? "exit" : "exit " + code;
        }
    }

    /** {@code thread_exit}: end the calling thread only (Pthreads' {@code pthread_exit}); the process goes on. */
    record ThreadExit() implements Instruction {
        @Override
        public String toString() {
            return "thread_exit";
        }
    }

    /**
     * {@code serve [async]}: handle the process's messages one after another, running each one's handler
     * in this thread and waiting when none is there, until no more will come. With {@code async} a
     * handler's I/O does not block the thread: the rest of the handler runs when the I/O is done (the
     * finite-state-machine server of Tanenbaum Fig. 2-10).
     */
    record Serve(boolean async) implements Instruction {
        @Override
        public String toString() {
            return async ? "serve async" : "serve";
        }
    }

    /**
     * {@code processors N}: under scheduler activations, the process asks the kernel for N virtual
     * processors (more, or fewer to give some back).
     */
    record Processors(int count) implements Instruction {
        public Processors {
            if (count < 1) {
                throw new IllegalArgumentException("processors needs at least 1");
            }
        }

        @Override
        public String toString() {
            return "processors " + count;
        }
    }

    /** {@code fault <kind>}: a fatal error such as {@code illegal-instruction}; the kernel ends the process. */
    record Fault(String kind) implements Instruction {
        public Fault {
            requireNonNull(kind, "kind is null");
        }

        @Override
        public String toString() {
            return "fault " + kind;
        }
    }

    /** {@code spawn <program>}: start a new thread of this process running a named program. */
    record Spawn(String program) implements Instruction {
        public Spawn {
            requireNonNull(program, "program is null");
        }

        @Override
        public String toString() {
            return "spawn " + program;
        }
    }

    /** {@code join [program]}: wait for the threads this thread spawned (all, or the last one of that program). */
    record Join(Optional<String> program) implements Instruction {
        public Join {
            requireNonNull(program, "program is null");
        }

        @Override
        public String toString() {
            return "join" + program.map(p -> " " + p).orElse("");
        }
    }

    /** {@code fork <program>}: create a child process running a named program. */
    record Fork(String program) implements Instruction {
        public Fork {
            requireNonNull(program, "program is null");
        }

        @Override
        public String toString() {
            return "fork " + program;
        }
    }

    /** {@code wait}: wait until a child process has ended (at once if one already has, or if there is none). */
    record Wait() implements Instruction {
        @Override
        public String toString() {
            return "wait";
        }
    }

    /** {@code kill <process>}: end another process (or this one). */
    record Kill(String process) implements Instruction {
        public Kill {
            requireNonNull(process, "process is null");
        }

        @Override
        public String toString() {
            return "kill " + process;
        }
    }

    /**
     * {@code setpriority <process> <priority>}: a process sets its own priority ({@code self}) or a
     * child's (Tanenbaum §2.4.5: the policy is set by a user process, the mechanism is the kernel's).
     */
    record SetPriority(String process, int priority) implements Instruction {
        public SetPriority {
            requireNonNull(process, "process is null");
        }

        @Override
        public String toString() {
            return "setpriority " + process + " " + priority;
        }
    }

    /** {@code call <object>.<op> [args]}: an operation on a kernel object. */
    record Call(String object, String operation, List<String> arguments) implements Instruction {
        public Call {
            requireNonNull(object, "object is null");
            requireNonNull(operation, "operation is null");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return "call " + object + "." + operation + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments));
        }
    }

    /**
     * {@code waitfor [any|all] OBJECT… [timeout=D]}: WaitForSingleObject / WaitForMultipleObjects (Dhamdhere
     * §6.11.5): sleep until one ({@code any}) or every ({@code all}) named dispatcher object is signalled
     * for the caller; an {@code all} wait takes its objects together or not at all.
     *
     * @param timeoutNanos {@code Long.MAX_VALUE} for none
     */
    record WaitFor(boolean all, List<String> objects, long timeoutNanos) implements Instruction {
        public WaitFor {
            objects = List.copyOf(objects);
            if (objects.isEmpty()) {
                throw new IllegalArgumentException("waitfor needs at least one object");
            }
            positive(timeoutNanos, "a waitfor time-out");
        }

        @Override
        public String toString() {
            return "waitfor " + (all ? "all " : objects.size() > 1 ? "any " : "") + String.join(" ", objects)
                    + (timeoutNanos == Long.MAX_VALUE ? "" : " timeout=" + org.osim.api.SimTime.format(timeoutNanos));
        }
    }

    /**
     * A machine instruction of the fine-grained set: {@code op} with up to three operands and, for a jump,
     * the index of the instruction it goes to. It takes the machine profile's instruction time.
     */
    record Machine(MachineOp op, List<Operand> operands, int target, String text) implements Instruction {
        public Machine {
            requireNonNull(op, "op is null");
            operands = List.copyOf(operands);
            requireNonNull(text, "text is null");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * {@code .word NAME [V…]}: declares a memory word of the process (an array if several initial values),
     * shared by its threads. It takes no time: the process's memory is laid out before it runs.
     */
    record Word(String name, List<Long> initial) implements Instruction {
        public Word {
            requireNonNull(name, "name is null");
            initial = List.copyOf(initial);
            if (initial.isEmpty()) {
                throw new IllegalArgumentException("a word needs at least one initial value");
            }
        }

        @Override
        public String toString() {
            return ".word " + name + " " + String.join(" ", initial.stream().map(String::valueOf).toList());
        }
    }

    private static void positive(long nanos, String what) {
        if (nanos <= 0) {
            throw new IllegalArgumentException(what + " needs a duration greater than zero");
        }
    }
}
