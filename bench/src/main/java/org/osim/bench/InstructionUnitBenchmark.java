package org.osim.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.osim.api.program.Program;
import org.osim.hardware.InstructionUnit;
import org.osim.hardware.MachineCode;
import org.osim.hardware.ProcessorState;

/**
 * The CPU's instruction execution alone: a loop of loads, adds, stores, compares and jumps on a shared word
 * ({@code unit}), against the smallest interpreter of the same six instructions, a switch over opcodes and
 * registers in arrays ({@code baseline}), per instruction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstructionUnitBenchmark {
    static final int LOOPS = 10_000;
    /** Instructions per loop turn: load, add, store, sub, cmp, jnz. */
    static final int PER_TURN = 6;

    private final long[] counter = {0};
    private MachineCode.Step[] code;
    private final InstructionUnit cpu = new InstructionUnit(null, false);

    @Setup
    public void decode() {
        Program p = Program.parse("mov r1, " + LOOPS + "\nl: load r0, counter\nadd r0, 1\nstore counter, r0\nsub r1, 1\n"
                + "cmp r1, 0\njnz l");
        code = MachineCode.decode(p.instructions(), Map.of("counter", counter), name -> name);
    }

    @Benchmark
    @OperationsPerInvocation(LOOPS * PER_TURN)
    public long unit() {
        ProcessorState s = new ProcessorState();
        while (s.pc < code.length) {
            cpu.execute(s, code[s.pc++], 0, 0);
        }
        return counter[0];
    }

    /** The loop as opcodes for the baseline: 0 load, 1 add, 2 store, 3 sub, 4 cmp, 5 jnz back to 0. */
    private static final int[] OPS = {0, 1, 2, 3, 4, 5};

    @Benchmark
    @OperationsPerInvocation(LOOPS * PER_TURN)
    public long baseline() {
        long[] r = new long[8];
        r[1] = LOOPS;
        long[] w = counter;
        boolean zero = false;
        for (int pc = 0; pc < OPS.length; ) {
            switch (OPS[pc++]) {
                case 0 -> r[0] = w[0];
                case 1 -> r[0] += 1;
                case 2 -> w[0] = r[0];
                case 3 -> r[1] -= 1;
                case 4 -> zero = r[1] == 0;
                default -> {
                    if (!zero) {
                        pc = 0;
                    }
                }
            }
        }
        return w[0];
    }
}
