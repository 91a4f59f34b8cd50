package org.osim.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Instruction;
import org.osim.api.program.MachineOp;
import org.osim.api.program.Operand;

/** The CPU's execution of the instruction set, one instruction at a time on a thread's saved context. */
class InstructionUnitTest {
    private final long[] lock = {0};
    private final long[] flags = {0, 0};
    private final Map<String, long[]> memory = Map.of("lock", lock, "flag", flags);
    private final InstructionUnit cpu = new InstructionUnit(null, false);
    private final ProcessorState p = new ProcessorState();

    private static Operand.Register r(int n) {
        return new Operand.Register(n);
    }

    private static Operand.Immediate imm(long v) {
        return new Operand.Immediate(v);
    }

    private static Operand.Memory word(String name, int index) {
        return new Operand.Memory(name, index, -1);
    }

    private static Instruction in(MachineOp op, int target, Operand... operands) {
        return new Instruction.Machine(op, List.of(operands), target, op.name().toLowerCase());
    }

    /** Runs {@code program} from its first instruction until the pc leaves it, returning each result. */
    private List<Long> run(Instruction... program) {
        MachineCode.Step[] code = MachineCode.decode(List.of(program), memory, name -> "region " + name);
        List<Long> results = new ArrayList<>();
        for (p.pc = 0; p.pc < code.length; ) {
            results.add(cpu.execute(p, code[p.pc++], 0, 0));
        }
        return results;
    }

    @Test
    void arithmeticSetsTheFlagsAndJumpsFollowThem() {
        // r0 = 3; loop: r0 -= 1; jnz loop  -> three turns
        List<Long> results = run(in(MachineOp.MOV, -1, r(0), imm(3)), in(MachineOp.SUB, -1, r(0), imm(1)),
                in(MachineOp.JNZ, 1), in(MachineOp.CMP, -1, r(0), imm(5)));
        assertThat(results).hasSize(1 + 3 * 2 + 1).containsOnly(InstructionUnit.ONE_INSTRUCTION);
        assertThat(p.registers[0]).isZero();
        assertThat(p.zero).isFalse();
        assertThat(p.less).isTrue(); // 0 < 5
    }

    @Test
    void testAndSetLocksOnceAndCompareAndSwapReportsTheWinner() {
        run(in(MachineOp.TSL, -1, r(1), word("lock", 0)), in(MachineOp.TSL, -1, r(2), word("lock", 0)));
        assertThat(p.registers[1]).isZero(); // the first TSL found it free
        assertThat(p.registers[2]).isOne(); // the second found it taken
        assertThat(lock[0]).isOne();
        // cas flag[1]: expected r3 = 0, new 7 -> succeeds; again -> fails and loads the current value
        run(in(MachineOp.CAS, -1, r(3), word("flag", 1), imm(7)));
        assertThat(p.zero).isTrue();
        assertThat(flags[1]).isEqualTo(7);
        run(in(MachineOp.MOV, -1, r(3), imm(0)), in(MachineOp.CAS, -1, r(3), word("flag", 1), imm(9)));
        assertThat(p.zero).isFalse();
        assertThat(p.registers[3]).isEqualTo(7);
        assertThat(flags[1]).isEqualTo(7);
    }

    @Test
    void callAndReturnUseTheStack() {
        // call 2; jmp 4; mov r0, 42; ret
        List<Long> results = run(in(MachineOp.CALL, 2), in(MachineOp.JMP, 4), in(MachineOp.MOV, -1, r(0), imm(42)),
                in(MachineOp.RET, -1));
        assertThat(results).hasSize(4);
        assertThat(p.registers[0]).isEqualTo(42);
        assertThat(p.stack).isEmpty();
    }

    @Test
    void faultsAndMarkersGoBackToTheKernel() {
        assertThat(run(in(MachineOp.RET, -1))).containsExactly(InstructionUnit.RETURN_UNDERFLOW);
        assertThat(run(in(MachineOp.CLI, -1))).containsExactly(InstructionUnit.PRIVILEGED);
        assertThat(p.interruptsOff).isFalse();
        assertThat(run(in(MachineOp.LOAD, -1, r(0), word("flag", 2)))).containsExactly(InstructionUnit.ADDRESS_FAULT);
        assertThat(run(in(MachineOp.STORE, -1, word("nowhere", 0), imm(1)))).containsExactly(InstructionUnit.ADDRESS_FAULT);
        MachineCode.Step[] enter = MachineCode.decode(List.of(in(MachineOp.ENTER, -1, word("cs", 0))), memory, name -> "region " + name);
        assertThat(enter[0].region).isEqualTo("region cs");
        assertThat(cpu.execute(p, enter[0], 0, 0)).isEqualTo(InstructionUnit.KERNEL);
    }

    @Test
    void interruptsGoOffAndOnWhereTheMachineAllowsIt() {
        InstructionUnit privileged = new InstructionUnit(null, true);
        MachineCode.Step[] code = MachineCode.decode(List.of(in(MachineOp.CLI, -1), in(MachineOp.STI, -1)), memory, n -> n);
        assertThat(privileged.execute(p, code[0], 0, 0)).isEqualTo(InstructionUnit.ONE_INSTRUCTION);
        assertThat(p.interruptsOff).isTrue();
        assertThat(privileged.execute(p, code[1], 0, 0)).isEqualTo(InstructionUnit.INTERRUPTS_ENABLED);
        assertThat(p.interruptsOff).isFalse();
    }

    @Test
    void anAccessThroughTheBusTakesTheBusTime() {
        MemoryBus bus = new MemoryBus(5);
        InstructionUnit withBus = new InstructionUnit(bus, false);
        MachineCode.Step[] code = MachineCode.decode(List.of(in(MachineOp.TSL, -1, r(0), word("lock", 0))), memory, n -> n);
        assertThat(withBus.execute(p, code[0], 0, 0)).as("a bus transaction").isEqualTo(5);
        assertThat(withBus.execute(p, code[0], 1, 2)).as("CPU 1 waits 3 ns for the bus, then 5").isEqualTo(8);
        assertThat(withBus.execute(p, code[0], -1, 0)).as("not on a CPU: no bus").isEqualTo(InstructionUnit.ONE_INSTRUCTION);
        assertThat(bus.transactions()).isEqualTo(2);
    }

    @Test
    void theX86DialectTestsSixCodesThatOnlyTestSets() {
        // x86.py: test A, B compares B against A; add and sub leave the codes alone; all six are clear at the start.
        assertThat(p.codes).isZero();
        run(in(MachineOp.MOV, -1, r(1), imm(5)), in(MachineOp.TEST, -1, imm(3), r(1)));
        assertThat(p.codes).isEqualTo(ProcessorState.GTE | ProcessorState.GT | ProcessorState.NEQ); // 5 > 3
        run(in(MachineOp.TEST, -1, r(1), imm(5)), in(MachineOp.ADD, -1, r(1), imm(-5)));
        assertThat(p.codes).isEqualTo(ProcessorState.GTE | ProcessorState.LTE | ProcessorState.EQ);
        run(in(MachineOp.TEST, -1, r(1), r(2)));
        assertThat(p.codes).isEqualTo(ProcessorState.GTE | ProcessorState.LTE | ProcessorState.EQ); // r2 = 0 = r1
        // jlt is not taken on these codes, jlte is: the pc skips the nop to the end.
        List<Long> results = run(in(MachineOp.TEST, -1, imm(1), r(1)), in(MachineOp.JGT, 3), in(MachineOp.JLTE, 4),
                in(MachineOp.NOP, -1), in(MachineOp.NOP, -1));
        assertThat(results).hasSize(4);
        ProcessorState fresh = new ProcessorState();
        MachineCode.Step[] code = MachineCode.decode(List.of(in(MachineOp.JNE, 0)), memory, n -> n);
        fresh.pc = 1;
        cpu.execute(fresh, code[0], 0, 0);
        assertThat(fresh.pc).as("no code is set before the first test").isEqualTo(1);
    }

    @Test
    void theX86StackLivesInFlatMemoryAtR6() {
        long[] flat = new long[64];
        Map<String, long[]> space = Map.of("memory", flat);
        Operand.Memory stack = new Operand.Memory("memory", 0, -1);
        List<Instruction> program = List.of(
                in(MachineOp.MOV, -1, r(6), imm(40)),                                     // 0: sp = 40
                in(MachineOp.MOV, -1, r(2), imm(3)),                                      // 1: cx = 3
                in(MachineOp.STORE, -1, new Operand.Memory("memory", 2, 2, 2, 4), imm(9)), // 2: 2(%cx,%cx,4) = 9 -> cell 17
                in(MachineOp.LEA, -1, r(0), new Operand.Memory("memory", -1, 2, 2, 4)),     // 3: ax = -1 + 3 + 12 = 14
                in(MachineOp.PUSH, -1, r(0), stack),                                       // 4: sp = 36, [36] = 14
                in(MachineOp.PUSH, -1, new Operand.Memory("memory", 8, 2)),                // 5: sp = 32, [32] = 11, the address
                new Instruction.Machine(MachineOp.CALLM, List.of(imm(1000), stack), 9, "call"), // 6: sp = 28, [28] = 1007
                in(MachineOp.POP, -1, r(1), stack),                                        // 7: bx = [28]... after the return
                new Instruction.Machine(MachineOp.JMP, List.of(), 11, "j"),                // 8
                new Instruction.Machine(MachineOp.RETM, List.of(imm(1000), stack), -1, "ret"), // 9: pc = 1007 - 1000
                in(MachineOp.NOP, -1),                                                     // 10: never
                in(MachineOp.NEG, -1, r(1)), in(MachineOp.MUL, -1, r(1), imm(3)));         // 11, 12
        MachineCode.Step[] code = MachineCode.decode(program, space, n -> n);
        List<Long> results = new ArrayList<>();
        for (p.pc = 0; p.pc < code.length; ) {
            results.add(cpu.execute(p, code[p.pc++], 0, 0));
        }
        assertThat(results).hasSize(12).containsOnly(InstructionUnit.ONE_INSTRUCTION);
        assertThat(flat[17]).isEqualTo(9);
        assertThat(flat[36]).isEqualTo(14);
        assertThat(flat[32]).isEqualTo(11);
        assertThat(flat[28]).isEqualTo(1007);
        assertThat(p.registers[1]).as("pop %bx got what the second push left, 11, negated and tripled").isEqualTo(-33);
        assertThat(p.registers[6]).isEqualTo(36);
        // A stack pointer outside memory is a fault, and the intro's pop %r gives the pointer itself.
        p.registers[6] = 2;
        MachineCode.Step[] more = MachineCode.decode(List.of(in(MachineOp.PUSH, -1, r(0), stack),
                in(MachineOp.POP, -1, r(3), r(6), stack)), space, n -> n);
        assertThat(cpu.execute(p, more[0], 0, 0)).isEqualTo(InstructionUnit.ADDRESS_FAULT);
        assertThat(cpu.execute(p, more[1], 0, 0)).isEqualTo(InstructionUnit.ONE_INSTRUCTION);
        assertThat(p.registers[3]).isEqualTo(2);
        assertThat(p.registers[6]).isEqualTo(6);
    }
}
