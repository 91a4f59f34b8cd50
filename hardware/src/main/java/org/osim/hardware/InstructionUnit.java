package org.osim.hardware;

import org.osim.api.program.MachineOp;

/**
 * The part of a CPU that executes the fine-grained instruction set (docs/machine-instructions.md) on a
 * thread's {@link ProcessorState}: moves, arithmetic and compares, jumps, calls and returns, loads and stores
 * through the memory bus, the atomic instructions and the interrupt flag. What is not the CPU's business —
 * the region markers, a fault's consequence, a held interrupt — it hands back to the kernel as a result code.
 */
public final class InstructionUnit {
    /** The instruction ran and took one instruction time (no bus, or not a memory access). */
    public static final long ONE_INSTRUCTION = -1;
    /** {@code sti} ran (one instruction time): an interrupt held while they were off is due now. */
    public static final long INTERRUPTS_ENABLED = -2;
    /** Not the CPU's: a marker ({@code enter}, {@code leave}, {@code want}, {@code fast}) the kernel handles, taking no time. */
    public static final long KERNEL = -3;
    /** A memory operand names no word of the address space, or an element outside it. */
    public static final long ADDRESS_FAULT = -4;
    /** {@code cli} in a user program on a machine that does not allow it. */
    public static final long PRIVILEGED = -5;
    /** A {@code call} beyond {@link ProcessorState#MAX_STACK} nested calls. */
    public static final long STACK_OVERFLOW = -6;
    /** A {@code ret} with nothing to return to. */
    public static final long RETURN_UNDERFLOW = -7;

    private final MemoryBus bus;
    private final boolean userInterrupts;

    /**
     * @param bus the memory bus memory accesses go through, or null for a machine without one (each access
     *            then takes one instruction time)
     * @param userInterrupts whether user programs may run {@code cli}/{@code sti} (machine: userInterrupts)
     */
    public InstructionUnit(MemoryBus bus, boolean userInterrupts) {
        this.bus = bus;
        this.userInterrupts = userInterrupts;
    }

    /**
     * Executes {@code s} for the thread whose state is {@code p}, on CPU {@code cpu} (-1 if none, so no bus)
     * at {@code now}. The program counter already points past {@code s}. Returns the bus time the access
     * took (≥ 0), or one of the result codes of this class.
     */
    public long execute(ProcessorState p, MachineCode.Step s, int cpu, long now) {
        long[] r = p.registers();
        switch (s.op) { // the loops of the book's protocols, kept small so that the JIT compiles them tight
            case JMP -> p.pc = s.target;
            case JZ -> {
                if (p.zero) {
                    p.pc = s.target;
                }
            }
            case JNZ -> {
                if (!p.zero) {
                    p.pc = s.target;
                }
            }
            case JL -> {
                if (p.less) {
                    p.pc = s.target;
                }
            }
            case JGE -> {
                if (!p.less) {
                    p.pc = s.target;
                }
            }
            case MOV -> r[s.reg] = s.value(r);
            case ADD, SUB -> {
                long v = s.value(r);
                long x = s.op == MachineOp.ADD ? r[s.reg] + v : r[s.reg] - v;
                r[s.reg] = x;
                p.zero = x == 0;
                p.less = x < 0;
            }
            case CMP -> {
                long a = r[s.reg];
                long b = s.value(r);
                p.zero = a == b;
                p.less = a < b;
            }
            case LOAD -> {
                int i = element(r, s);
                if (i < 0) {
                    return ADDRESS_FAULT;
                }
                r[s.reg] = s.word[i];
                return access(cpu, s.word, i, false, now);
            }
            case STORE -> {
                int i = element(r, s);
                if (i < 0) {
                    return ADDRESS_FAULT;
                }
                s.word[i] = s.value(r);
                return access(cpu, s.word, i, true, now);
            }
            default -> {
                return other(p, r, s, cpu, now);
            }
        }
        return ONE_INSTRUCTION;
    }

    /** The instructions {@link #execute} does not run itself, apart so that the hot loop stays small. */
    private long other(ProcessorState p, long[] r, MachineCode.Step s, int cpu, long now) {
        switch (s.op) {
            case ENTER, LEAVE, WANT, FAST -> {
                return KERNEL;
            }
            case CLI -> {
                if (!userInterrupts) {
                    return PRIVILEGED;
                }
                p.interruptsOff = true;
            }
            case STI -> {
                p.interruptsOff = false;
                return INTERRUPTS_ENABLED;
            }
            case CALL -> {
                if (p.stack == null) {
                    p.stack = new java.util.ArrayDeque<>();
                }
                if (p.stack.size() >= ProcessorState.MAX_STACK) {
                    return STACK_OVERFLOW;
                }
                p.stack.push(p.pc);
                p.pc = s.target;
            }
            case RET -> {
                if (p.stack == null || p.stack.isEmpty()) {
                    return RETURN_UNDERFLOW;
                }
                p.pc = p.stack.pop();
            }
            case TSL, XCHG, FETCHADD -> {
                int i = element(r, s);
                if (i < 0) {
                    return ADDRESS_FAULT;
                }
                long[] w = s.word;
                long old = w[i];
                w[i] = switch (s.op) {
                    case TSL -> 1;
                    case XCHG -> r[s.reg];
                    default -> old + r[s.reg];
                };
                r[s.reg] = old;
                p.zero = old == 0;
                p.less = old < 0;
                return access(cpu, w, i, true, now);
            }
            case CAS -> {
                int i = element(r, s);
                if (i < 0) {
                    return ADDRESS_FAULT;
                }
                long[] w = s.word;
                if (w[i] == r[s.reg]) {
                    w[i] = s.value(r);
                    p.zero = true;
                } else {
                    r[s.reg] = w[i];
                    p.zero = false;
                }
                return access(cpu, w, i, true, now);
            }
            default -> {
                return x86(p, r, s, cpu, now);
            }
        }
        return ONE_INSTRUCTION;
    }

    /** The instructions of the x86 dialect (OSTEP's x86.py): six condition codes, arithmetic, the stack in memory. */
    private long x86(ProcessorState p, long[] r, MachineCode.Step s, int cpu, long now) {
        switch (s.op) {
            case TEST -> {
                long a = s.reg >= 0 ? r[s.reg] : s.imm;
                long b = s.reg >= 0 ? s.value(r) : r[s.valueReg];
                p.codes = (b >= a ? ProcessorState.GTE : 0) | (b > a ? ProcessorState.GT : 0) | (b <= a ? ProcessorState.LTE : 0)
                        | (b < a ? ProcessorState.LT : 0) | (b != a ? ProcessorState.NEQ : 0) | (b == a ? ProcessorState.EQ : 0);
            }
            case JE, JNE, JLT, JLTE, JGT, JGTE -> {
                int code = switch (s.op) {
                    case JE -> ProcessorState.EQ;
                    case JNE -> ProcessorState.NEQ;
                    case JLT -> ProcessorState.LT;
                    case JLTE -> ProcessorState.LTE;
                    case JGT -> ProcessorState.GT;
                    default -> ProcessorState.GTE;
                };
                if ((p.codes & code) != 0) {
                    p.pc = s.target;
                }
            }
            case LEA -> r[s.reg] = address(r, s);
            case NEG -> r[s.reg] = -r[s.reg];
            case MUL -> r[s.reg] = r[s.reg] * s.value(r);
            case NOP -> {
                return ONE_INSTRUCTION;
            }
            case PUSH -> {
                long value = s.reg == STACK_POINTER ? r[s.reg] - 4 : s.reg >= 0 ? r[s.reg] : address(r, s); // push %sp: the new sp
                return push(r, s, value, cpu, now);
            }
            case CALLM -> {
                long took = push(r, s, s.imm + p.pc, cpu, now);
                if (took != ADDRESS_FAULT) {
                    p.pc = s.target;
                }
                return took;
            }
            case POP, RETM -> {
                long sp = r[STACK_POINTER];
                if (s.word == null || sp < 0 || sp >= s.word.length) {
                    return ADDRESS_FAULT;
                }
                long top = s.word[(int) sp];
                r[STACK_POINTER] = sp + 4;
                if (s.op == MachineOp.RETM) {
                    long at = top - s.imm;
                    if (at < 0 || at > Integer.MAX_VALUE) {
                        return RETURN_UNDERFLOW;
                    }
                    p.pc = (int) at;
                } else if (s.reg >= 0) {
                    r[s.reg] = s.valueReg >= 0 ? sp : top;
                }
                return access(cpu, s.word, (int) sp, false, now);
            }
            default -> throw new IllegalStateException("unknown instruction " + s.source);
        }
        return ONE_INSTRUCTION;
    }

    /** The stack pointer of the x86 dialect: r6 ({@code %sp}). */
    public static final int STACK_POINTER = 6;

    /** r6 -= 4, then {@code value} goes on the stack, in the word of {@code s}'s memory operand. */
    private long push(long[] r, MachineCode.Step s, long value, int cpu, long now) {
        long sp = r[STACK_POINTER] - 4;
        if (s.word == null || sp < 0 || sp >= s.word.length) {
            return ADDRESS_FAULT;
        }
        r[STACK_POINTER] = sp;
        s.word[(int) sp] = value;
        return access(cpu, s.word, (int) sp, true, now);
    }

    /** The element the memory operand of {@code s} names, in range or not. */
    public static long address(long[] r, MachineCode.Step s) {
        long i = s.index;
        if (s.indexReg >= 0) {
            i += r[s.indexReg];
        }
        if (s.scaledReg >= 0) {
            i += (long) s.scale * r[s.scaledReg];
        }
        return i;
    }

    /** The element of its word that the memory operand of {@code s} names, or -1 if there is none. */
    private static int element(long[] r, MachineCode.Step s) {
        long i = s.scaledReg < 0 ? (s.indexReg >= 0 ? s.index + r[s.indexReg] : s.index) : address(r, s);
        return s.word == null || i < 0 || i >= s.word.length ? -1 : (int) i;
    }

    private long access(int cpu, long[] word, int index, boolean write, long now) {
        return bus == null || cpu < 0 ? ONE_INSTRUCTION : bus.access(cpu, word, index, write, now);
    }
}
