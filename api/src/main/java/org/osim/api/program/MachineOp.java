package org.osim.api.program;

/**
 * The operations of the fine-grained instruction set (DESIGN §4): each one machine instruction over the
 * thread's registers and memory words, so an interrupt can fall between any two.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public enum MachineOp {
    /** {@code load rX, M}: rX = M. */
    LOAD,
    /** {@code store M, V}: M = V. */
    STORE,
    /** {@code mov rX, V}: rX = V. */
    MOV,
    /** {@code add rX, V}: rX = rX + V; sets the zero and less flags from the result. */
    ADD,
    /** {@code sub rX, V}: rX = rX - V; sets the zero and less flags from the result. */
    SUB,
    /** {@code cmp rX, V}: the zero flag = (rX == V), the less flag = ({@code rX < V}). */
    CMP,
    /** {@code jmp L}. */
    JMP,
    /** {@code jz L}: jump if the zero flag is set. */
    JZ,
    /** {@code jnz L}: jump if it is not. */
    JNZ,
    /** {@code jl L}: jump if the last comparison or arithmetic result was less than zero ({@code cmp rX, V}: {@code rX < V}). */
    JL,
    /** {@code jge L}: jump if it was not. */
    JGE,
    /** {@code call L}: push the address of the next instruction on the thread's stack and jump to L (a subroutine). */
    CALL,
    /** {@code ret}: pop an address from the stack and jump there. */
    RET,
    /** {@code tsl rX, M}: rX = M and M = 1, atomically (Fig. 2-25); sets the zero flag from the old value. */
    TSL,
    /** {@code xchg rX, M}: swap rX and M atomically (Fig. 2-26); sets the zero flag from the old value. */
    XCHG,
    /** {@code cas rX, M, V}: if M == rX then M = V and the zero flag is set, else rX = M and it is cleared; atomically. */
    CAS,
    /** {@code fetchadd rX, M}: M = M + rX and rX = the old M, atomically (a ticket lock's take-a-number). */
    FETCHADD,
    /**
     * {@code cli}: disable interrupts on this CPU — no clock or device interrupt, so no preemption, until
     * {@code sti}. Privileged: a user program may use it only on a machine with {@code userInterrupts}.
     */
    CLI,
    /** {@code sti}: enable interrupts again; a preemption held back meanwhile happens now. */
    STI,
    /**
     * {@code fast OBJECT}: a marker the user-space fast path of a lock built on kernel object OBJECT (a
     * futex, a semaphore) executes when it got by without the kernel: the object counts a system call
     * avoided. It costs nothing.
     */
    FAST,
    /**
     * {@code want [R]}: the thread begins its entry protocol for critical region R (a marker for the
     * progress check: it costs nothing).
     */
    WANT,
    /** {@code enter [R]}: the thread enters critical region R (a marker the kernel checks; it costs nothing). */
    ENTER,
    /** {@code leave [R]}: it leaves it. */
    LEAVE,
    /*
     * The instructions below are those of the x86 dialect of OSTEP's x86.py (osim ostep x86), over a flat
     * memory: a memory operand is a displacement plus a base register plus a scaled index register, the stack
     * pointer is r6, and six condition codes that only TEST sets are read by the conditional jumps JE to JGTE.
     * The text form of osim programs does not offer them.
     */
    /**
     * {@code test A, B} (x86.py): sets the six condition codes from how B compares with A (greater, greater or
     * equal, less, less or equal, not equal, equal). Nothing else sets them; the codes are all clear at the start.
     */
    TEST,
    /** Jump if the condition code "equal" is set (x86.py {@code je}). */
    JE,
    /** Jump if "not equal" is set ({@code jne}). */
    JNE,
    /** Jump if "less than" is set ({@code jlt}). */
    JLT,
    /** Jump if "less than or equal" is set ({@code jlte}). */
    JLTE,
    /** Jump if "greater than" is set ({@code jgt}). */
    JGT,
    /** Jump if "greater than or equal" is set ({@code jgte}). */
    JGTE,
    /** {@code lea rX, M}: rX = the address M names (its element), not its contents. */
    LEA,
    /** {@code neg rX}: rX = -rX. */
    NEG,
    /** {@code mul rX, V}: rX = rX * V. */
    MUL,
    /**
     * {@code push V, M}: r6 (the stack pointer) -= 4, then element r6 of word M = V; without a register
     * operand V is the address the memory operand names (x86.py's {@code push mem}).
     */
    PUSH,
    /**
     * {@code pop [rX,] M}: rX = element r6 of word M, then r6 += 4. With a second register operand rY, rX = rY
     * instead: the threads-intro x86.py, which gives {@code pop %r} the stack pointer itself.
     */
    POP,
    /** {@code callm BASE, L, M}: push BASE + the index of the next instruction on the stack in word M (as PUSH), and jump to L. */
    CALLM,
    /** {@code retm BASE, M}: pop an address from the stack in word M (as POP) and go on at the instruction at address - BASE. */
    RETM,
    /** {@code nop}: nothing, for one instruction time. */
    NOP;

    /** The mnemonic, as written. */
    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
