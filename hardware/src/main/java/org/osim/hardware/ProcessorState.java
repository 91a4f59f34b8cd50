package org.osim.hardware;

import java.util.ArrayDeque;

/**
 * What a CPU holds for the thread it runs, and what a context switch saves and restores (Tanenbaum
 * Fig. 2-12: program counter, registers, stack, program status word): the program counter, registers r0 to
 * r7, the condition flags, the return stack of {@code call}/{@code ret} and the interrupt-enable flag.
 */
public final class ProcessorState {
    /** Registers r0 to r7 ({@code Operand.Register.COUNT}). */
    public static final int REGISTERS = org.osim.api.program.Operand.Register.COUNT;
    /** The deepest the return stack may grow: beyond it a {@code call} is a stack overflow. */
    public static final int MAX_STACK = 10_000;

    public static final int GTE = 1;
    public static final int GT = 2;
    public static final int LTE = 4;
    public static final int LT = 8;
    public static final int NEQ = 16;
    public static final int EQ = 32;

    /** The index of the next instruction in the thread's program. */
    public int pc;
    /** Null until the thread first uses a register. */
    public long[] registers;
    /** Set by the last compare or arithmetic: result zero, result (or first operand) less. */
    public boolean zero;
    public boolean less;
    /**
     * The six condition codes of the x86 dialect, set only by {@code test}: the bits {@link #GTE}, {@link #GT},
     * {@link #LTE}, {@link #LT}, {@link #NEQ} and {@link #EQ}; all clear at the start.
     */
    public int codes;
    /** Return addresses; null until the first {@code call}. */
    public ArrayDeque<Integer> stack;
    /** Whether the thread has disabled interrupts ({@code cli}); part of the PSW, so saved with the thread. */
    public boolean interruptsOff;

    /** The registers, allocated on first use. */
    public long[] registers() {
        if (registers == null) {
            registers = new long[REGISTERS];
        }
        return registers;
    }
}
