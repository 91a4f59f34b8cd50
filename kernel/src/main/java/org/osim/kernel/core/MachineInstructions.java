package org.osim.kernel.core;

import org.osim.api.result.Termination;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.Machine;

/**
 * The interpreter of the fine-grained instruction set (docs/machine-instructions.md): registers, flags, the
 * return stack, loads and stores through the process's address space and the memory bus, atomic
 * instructions, interrupts on and off, and the critical-region markers. Each instruction takes one
 * instruction time, so an interrupt can fall between any two.
 */
final class MachineInstructions {
    private final Engine engine;
    private final Workload workload;
    private final org.osim.hardware.MemoryBus bus;
    private final org.osim.hardware.RandomInterrupts interrupts;
    /** What one machine instruction takes (the profile's instruction time, at least 1 ns so a spin loop moves time on). */
    final long instructionTime;
    /** Machine instructions executed. */
    long instructions;

    // Peers, wired once by Kernel.
    ProcessLifecycle lifecycle;
    AddressSpaces memory;
    MutualExclusionChecker regions;
    KernelObjects kernelObjects;

    MachineInstructions(Engine engine, Workload workload, long instructionTime, org.osim.hardware.MemoryBus bus,
                        org.osim.hardware.RandomInterrupts interrupts) {
        this.engine = engine;
        this.workload = workload;
        this.instructionTime = instructionTime;
        this.bus = bus;
        this.interrupts = interrupts;
    }

    /** Where {@link #word} puts the index it resolved (one array, reused: the kernel runs on one thread). */
    private final int[] wordIndex = new int[1];

    /**
     * Runs one machine instruction: its effect now, then it takes the profile's instruction time (so an
     * interrupt can fall before the next). Returns false if the process ended.
     */
    boolean machineInstruction(ThreadControlBlock t, MachineCode.Step s) {
        if (t.registers == null) {
            t.registers = new long[org.osim.api.program.Operand.Register.COUNT];
        }
        long[] r = t.registers;
        long busCost = -1;
        switch (s.op) { // the loops of the book's protocols, kept small so that the JIT compiles them tight
            case JMP -> t.pc = s.target;
            case JZ -> {
                if (t.zero) {
                    t.pc = s.target;
                }
            }
            case JNZ -> {
                if (!t.zero) {
                    t.pc = s.target;
                }
            }
            case JL -> {
                if (t.less) {
                    t.pc = s.target;
                }
            }
            case JGE -> {
                if (!t.less) {
                    t.pc = s.target;
                }
            }
            case MOV -> r[s.reg] = s.value(r);
            case ADD, SUB -> {
                long v = s.value(r);
                long x = s.op == org.osim.api.program.MachineOp.ADD ? r[s.reg] + v : r[s.reg] - v;
                r[s.reg] = x;
                t.zero = x == 0;
                t.less = x < 0;
            }
            case CMP -> {
                long a = r[s.reg];
                long b = s.value(r);
                t.zero = a == b;
                t.less = a < b;
            }
            case LOAD -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return false;
                }
                r[s.reg] = w[i];
                busCost = bus(t, w, i, false);
            }
            case STORE -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return false;
                }
                w[i] = s.value(r);
                busCost = bus(t, w, i, true);
            }
            default -> {
                busCost = otherInstruction(t, s);
                if (busCost == MARKER) {
                    return true;
                }
                if (busCost == ENDED) {
                    return false;
                }
            }
        }
        instructions++;
        t.remaining = busCost >= 0 ? busCost : instructionTime;
        if (interrupts.present()) {
            randomInterrupt(t);
        }
        if (t.wantsRegion != null) {
            regions.afterInstruction(t);
        }
        return true;
    }

    /** What {@link #otherInstruction} returns for a marker, which takes no time, and when the process ended. */
    private static final long MARKER = -2;

    private static final long ENDED = -3;

    /** The instructions {@link #machineInstruction} does not run itself: the bus time they took, -1 for none, or MARKER or ENDED. */
    long otherInstruction(ThreadControlBlock t, MachineCode.Step s) {
        long[] r = t.registers;
        switch (s.op) {
            case ENTER, LEAVE -> {
                regions.region(t, s.memory.word(), s.region, s.op == org.osim.api.program.MachineOp.ENTER);
                return MARKER; // it takes no time
            }
            case FAST -> {
                KernelObjectEntry o = kernelObjects.objects.get(s.memory.word());
                if (o != null) {
                    o.avoided++;
                }
                return MARKER; // it takes no time
            }
            case CLI -> {
                if (!workload.machine().userInterrupts()) {
                    lifecycle.terminate(t.process, Termination.fatal("privileged instruction: cli in a user program (a machine "
                            + "with 'userInterrupts: true' allows it; Tanenbaum §2.3.3 says why it should not)"));
                    return ENDED;
                }
                t.interruptsOff = true;
            }
            case STI -> {
                t.interruptsOff = false;
                CpuSlot c = t.cpu;
                if (t.preemptionHeld && c != null) {
                    t.preemptionHeld = false;
                    c.preemptRequested = true; // the interrupt that waited is taken now
                    c.preemptReason = EnqueueReason.SLICE_EXPIRED;
                }
            }
            case WANT -> {
                if (t.wants == null || t.wantsRegion != s.region) {
                    t.wantSince = engine.now(); // a new try; a want repeated while trying keeps the first time
                }
                t.wants = s.memory.word();
                t.wantsRegion = s.region;
                s.region.wanting.add(t);
                return MARKER;
            }
            case CALL -> {
                if (t.stack == null) {
                    t.stack = new java.util.ArrayDeque<>();
                }
                if (t.stack.size() >= 10_000) {
                    lifecycle.terminate(t.process, Termination.fatal("stack overflow: " + t.stack.size() + " nested calls"));
                    return ENDED;
                }
                t.stack.push(t.pc);
                t.pc = s.target;
            }
            case RET -> {
                if (t.stack == null || t.stack.isEmpty()) {
                    lifecycle.terminate(t.process, Termination.fatal("ret with nothing to return to"));
                    return ENDED;
                }
                t.pc = t.stack.pop();
            }
            case TSL, XCHG, FETCHADD -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return ENDED;
                }
                long old = w[i];
                w[i] = switch (s.op) {
                    case TSL -> 1;
                    case XCHG -> r[s.reg];
                    default -> old + r[s.reg];
                };
                r[s.reg] = old;
                t.zero = old == 0;
                t.less = old < 0;
                return bus(t, w, i, true);
            }
            case CAS -> {
                long[] w = s.word;
                int i = element(t, s);
                if (i < 0) {
                    return ENDED;
                }
                if (w[i] == r[s.reg]) {
                    w[i] = s.value(r);
                    t.zero = true;
                } else {
                    r[s.reg] = w[i];
                    t.zero = false;
                }
                return bus(t, w, i, true);
            }
            default -> throw new IllegalStateException("unknown instruction " + s.source);
        }
        return -1;
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

    /** The element of its word that memory operand of {@code s} names for {@code t}; -1 (the process ended) if there is none. */
    int element(ThreadControlBlock t, MachineCode.Step s) {
        long i = s.indexReg >= 0 ? t.registers[s.indexReg] : s.index;
        if (s.word == null || i < 0 || i >= s.word.length) {
            memory.word(t, s.memory, wordIndex); // says what is wrong, and ends the process
            return -1;
        }
        return (int) i;
    }

    /** The time a memory access of {@code t} takes on a machine with a bus, or -1 without one (one instruction time). */
    private long bus(ThreadControlBlock t, long[] word, int index, boolean write) {
        if (bus == null || t.cpu == null) {
            return -1;
        }
        return bus.access(t.cpu.id, word, index, write, engine.now());
    }
}
