package org.osim.kernel.core;

import org.osim.api.result.Termination;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.InstructionUnit;
import org.osim.hardware.MachineCode;
import org.osim.hardware.ProcessorState;

/**
 * The kernel's side of the fine-grained instruction set: the CPU ({@link InstructionUnit}) executes each
 * instruction on the thread's saved context, and this class takes what the CPU hands back — the critical-region
 * markers, faults (which end the process, as a trap would), the interrupt held while interrupts were off —
 * and charges the instruction time, so an interrupt can fall between any two instructions.
 */
final class MachineInstructions {
    private final Engine engine;
    private final InstructionUnit unit;
    private final org.osim.hardware.RandomInterrupts interrupts;
    /** What one machine instruction takes (the profile's instruction time, at least 1 ns so a spin loop moves time on). */
    final long instructionTime;
    private final Tracer tracer;
    /** Whether a listener wants every instruction: fixed for the run, so the hot path tests a final field. */
    private final boolean traced;
    /** Machine instructions executed. */
    long instructions;

    // Peers, wired once by Kernel.
    ProcessLifecycle lifecycle;
    AddressSpaces memory;
    MutualExclusionChecker regions;
    KernelObjects kernelObjects;

    MachineInstructions(Engine engine, Workload workload, long instructionTime, org.osim.hardware.MemoryBus bus,
                        org.osim.hardware.RandomInterrupts interrupts, Tracer tracer) {
        this.engine = engine;
        this.tracer = tracer;
        this.traced = tracer.instructions();
        this.unit = new InstructionUnit(bus, workload.machine().userInterrupts());
        this.instructionTime = instructionTime;
        this.interrupts = interrupts;
    }

    /** Where {@link AddressSpaces#word} puts the index it resolved (one array, reused: the kernel runs on one thread). */
    private final int[] wordIndex = new int[1];

    /**
     * Runs one machine instruction: its effect now, then it takes the profile's instruction time (so an
     * interrupt can fall before the next). Returns false if the process ended.
     */
    boolean machineInstruction(ThreadControlBlock t, MachineCode.Step s) {
        CpuSlot c = t.cpu;
        if (traced) {
            return tracedInstruction(t, s);
        }
        long took = unit.execute(t.context, s, c == null ? -1 : c.id, engine.now());
        return afterInstruction(t, s, took);
    }

    /** The same, with the instruction reported to the listeners that want every one. */
    private boolean tracedInstruction(ThreadControlBlock t, MachineCode.Step s) {
        CpuSlot c = t.cpu;
        long written = written(t, s);
        int at = t.context.pc - 1; // the caller moved the program counter past s
        long took = unit.execute(t.context, s, c == null ? -1 : c.id, engine.now());
        if (took != InstructionUnit.KERNEL) {
            trace(t, s, at, written);
        }
        return afterInstruction(t, s, took);
    }

    /** What follows the CPU's execution of {@code s}: markers and faults, the instruction's time, interrupts. */
    private boolean afterInstruction(ThreadControlBlock t, MachineCode.Step s, long took) {
        CpuSlot c = t.cpu;
        if (took <= InstructionUnit.KERNEL) {
            return took == InstructionUnit.KERNEL ? marker(t, s) : fault(t, s, took);
        }
        if (took == InstructionUnit.INTERRUPTS_ENABLED && t.preemptionHeld && c != null) {
            t.preemptionHeld = false;
            c.preemptRequested = true; // the interrupt that waited is taken now
            c.preemptReason = EnqueueReason.SLICE_EXPIRED;
        }
        instructions++;
        t.remaining = took >= 0 ? took : instructionTime;
        if (interrupts.present()) {
            randomInterrupt(t);
        }
        if (t.wantsRegion != null) {
            regions.afterInstruction(t);
        }
        return true;
    }

    /** The element {@code s} is about to write, before it runs (its index register may change), or -1. */
    private static long written(ThreadControlBlock t, MachineCode.Step s) {
        long[] r = t.context.registers();
        return switch (s.op) {
            case STORE, TSL, XCHG, FETCHADD, CAS -> InstructionUnit.address(r, s);
            case PUSH, CALLM -> r[InstructionUnit.STACK_POINTER] - 4;
            default -> -1;
        };
    }

    private void trace(ThreadControlBlock t, MachineCode.Step s, int at, long written) {
        ProcessorState p = t.context;
        java.util.Optional<org.osim.api.trace.TraceEvent.MemoryWrite> write = java.util.Optional.empty();
        if (written >= 0 && s.word != null && written < s.word.length) {
            write = java.util.Optional.of(new org.osim.api.trace.TraceEvent.MemoryWrite(s.memory.word(), (int) written,
                    s.word[(int) written]));
        }
        CpuSlot c = t.cpu;
        tracer.emitInstruction(new org.osim.api.trace.TraceEvent.InstructionExecuted(engine.now(), c == null ? -1 : c.id, t.name,
                at, p.pc, s.source.text(), java.util.Arrays.stream(p.registers()).boxed().toList(), p.codes, write));
    }

    /** The markers the CPU leaves to the kernel; they take no time. */
    private boolean marker(ThreadControlBlock t, MachineCode.Step s) {
        switch (s.op) {
            case ENTER, LEAVE -> regions.region(t, s.memory.word(), (CriticalRegion) s.region,
                    s.op == org.osim.api.program.MachineOp.ENTER);
            case FAST -> {
                KernelObjectEntry o = kernelObjects.objects.get(s.memory.word());
                if (o != null) {
                    o.avoided++;
                }
            }
            case WANT -> {
                CriticalRegion region = (CriticalRegion) s.region;
                if (t.wants == null || t.wantsRegion != region) {
                    t.wantSince = engine.now(); // a new try; a want repeated while trying keeps the first time
                }
                t.wants = s.memory.word();
                t.wantsRegion = region;
                region.wanting.add(t);
            }
            default -> throw new IllegalStateException("not a marker: " + s.source);
        }
        return true;
    }

    /** A fault the CPU raised: like a trap, it ends the process, saying why. Returns false. */
    private boolean fault(ThreadControlBlock t, MachineCode.Step s, long code) {
        if (code == InstructionUnit.ADDRESS_FAULT && stackOperation(s.op)) {
            long[] w = s.word;
            lifecycle.terminate(t.process, Termination.fatal("segmentation fault: " + s.source + " with the stack pointer r6 at "
                    + t.context.registers()[InstructionUnit.STACK_POINTER] + ", outside " + s.memory.word() + "'s "
                    + (w == null ? 0 : w.length) + " element(s)"));
        } else if (code == InstructionUnit.ADDRESS_FAULT) {
            memory.word(t, s.memory, wordIndex); // says what is wrong, and ends the process
        } else if (code == InstructionUnit.PRIVILEGED) {
            lifecycle.terminate(t.process, Termination.fatal("privileged instruction: cli in a user program (a machine "
                    + "with 'userInterrupts: true' allows it; Tanenbaum §2.3.3 says why it should not)"));
        } else if (code == InstructionUnit.STACK_OVERFLOW) {
            lifecycle.terminate(t.process, Termination.fatal("stack overflow: " + t.context.stack.size() + " nested calls"));
        } else if (code == InstructionUnit.RETURN_UNDERFLOW) {
            lifecycle.terminate(t.process, Termination.fatal(s.op == org.osim.api.program.MachineOp.RETM
                    ? "ret to an address where no instruction is: " + s.source : "ret with nothing to return to"));
        } else {
            throw new IllegalStateException("unknown result " + code + " of " + s.source);
        }
        return false;
    }

    private static boolean stackOperation(org.osim.api.program.MachineOp op) {
        return switch (op) {
            case PUSH, POP, CALLM, RETM -> true;
            default -> false;
        };
    }

    /**
     * {@code t} has started an instruction: if its CPU's interrupt is due, the thread is preempted at the end
     * of the instant (or at {@code sti}, if it has interrupts off), and the policy picks again.
     */
    void randomInterrupt(ThreadControlBlock t) {
        CpuSlot c = t.cpu;
        if (c != null && interrupts.instructionStarted(c.id)) {
            c.preemptRequested = true;
            c.preemptReason = EnqueueReason.PREEMPTED;
        }
    }

    /** Decodes {@code t}'s program for its process, once per process and program. */
    void decode(ThreadControlBlock t) {
        ProcessControlBlock p = t.process;
        if (p.decoded == null) {
            p.decoded = new java.util.IdentityHashMap<>(2);
        }
        t.code = p.decoded.computeIfAbsent(t.program, prog -> MachineCode.decode(prog, memory.addressSpace(p), regions::regionState));
        t.codeOf = t.program;
    }
}
