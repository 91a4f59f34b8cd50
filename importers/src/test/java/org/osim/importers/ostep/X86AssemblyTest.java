package org.osim.importers.ostep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Instruction;
import org.osim.api.program.MachineOp;
import org.osim.api.program.Operand;

/** x86.py's assembler: data from 100, four apart; labels; its operand forms and quirks, as osim instructions. */
class X86AssemblyTest {
    private static final String PROGRAM = """
            .var flag
            .var turn 2
            .var count
            .main
            # a comment alone
            .top
            mov  flag, %ax      # 100
            xchg %ax, 4(%bx,%cx,4)
            mov  $-5, 8(%bx,%cx,4)
            test $0, %ax
            jne  .top
                push 8(%bp)
            call .f
            halt
            .f
            pop %dx
            ret
            yield
            """;

    private static Instruction.Machine machine(X86Assembly a, int i) {
        return (Instruction.Machine) a.instructions().get(i);
    }

    @Test
    void variablesLabelsAndOperandsAreWhereTheScriptPutsThem() {
        X86Assembly a = X86Assembly.assemble("t.s", PROGRAM, true, 1000);
        assertThat(a.variables()).containsExactly(java.util.Map.entry("flag", 100L), java.util.Map.entry("turn", 104L),
                java.util.Map.entry("count", 112L));
        assertThat(a.texts()).containsExactly("mov  flag, %ax", "xchg %ax, 4(%bx,%cx,4)", "mov  $-5, 8(%bx,%cx,4)", "test $0, %ax",
                "jne  .top", "push 8(%bp)", "call .f", "halt", "pop %dx", "ret", "yield");
        assertThat(machine(a, 0).op()).isEqualTo(MachineOp.LOAD);
        assertThat(machine(a, 0).operands()).containsExactly(new Operand.Register(0), new Operand.Memory("memory", 100, -1));
        // Only mov reads the second register and scale; xchg drops them, as x86.py's own parser does.
        assertThat(machine(a, 1).operands()).containsExactly(new Operand.Register(0), new Operand.Memory("memory", 4, 1));
        assertThat(machine(a, 2).op()).isEqualTo(MachineOp.STORE);
        assertThat(machine(a, 2).operands()).containsExactly(new Operand.Memory("memory", 8, 1, 2, 4), new Operand.Immediate(-5));
        assertThat(machine(a, 3).operands()).containsExactly(new Operand.Immediate(0), new Operand.Register(0));
        assertThat(machine(a, 4).op()).isEqualTo(MachineOp.JNE);
        assertThat(machine(a, 4).target()).isZero();
        assertThat(machine(a, 5).operands()).containsExactly(new Operand.Memory("memory", 8, 7));
        assertThat(machine(a, 6).op()).isEqualTo(MachineOp.CALLM);
        assertThat(machine(a, 6).target()).isEqualTo(8);
        assertThat(machine(a, 6).operands().get(0)).isEqualTo(new Operand.Immediate(1000));
        assertThat(a.instructions().get(7)).isInstanceOf(Instruction.ThreadExit.class);
        assertThat(machine(a, 8).operands()).containsExactly(new Operand.Register(3), new Operand.Memory("memory", 0, -1));
        assertThat(machine(a, 9).op()).isEqualTo(MachineOp.RETM);
        assertThat(a.instructions().get(10)).isInstanceOf(Instruction.Yield.class);
    }

    @Test
    void theIntroVersionKeepsItsQuirks() {
        // One digit after $, no ex or fx, and pop %r takes the stack pointer itself.
        X86Assembly a = X86Assembly.assemble("t.s", "pop %cx\n", false, 1000);
        assertThat(machine(a, 0).operands()).containsExactly(new Operand.Register(2), new Operand.Register(6),
                new Operand.Memory("memory", 0, -1));
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "mov $10, %ax\n", false, 1000))
                .hasMessage("t.s:1:1: the threads-intro x86.py takes one digit after $ (0 to 9), got '$10'");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "\n  mov $1, %ex\n", false, 1000))
                .hasMessage("t.s:2:3: no register '%ex' (registers: %ax %bx %cx %dx %sp %bp)");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "neg %ax\n", false, 1000)).hasMessageContaining("illegal opcode 'neg'");
    }

    @Test
    void whatTheScriptRefusesIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "mov $1, %ax\n  .top\n", true, 1000))
                .hasMessage("t.s:2:3: illegal opcode '.top' (a label or directive must start its line)");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "j .nowhere\n", true, 1000)).hasMessage("t.s:1:1: no label '.nowhere'");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "lea 4(%bx,%cx), %ax\n", true, 1000))
                .hasMessage("t.s:1:1: x86.py splits '4(%bx,%cx)' at its comma here (only mov reads a two-register operand)");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "mov 100, 104\n", true, 1000))
                .hasMessageContaining("mov takes $N, MEMORY or %r to %r");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "mov count, %ax\n", true, 1000))
                .hasMessage("t.s:1:1: variable count is not declared (.var count)");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", "mov $1, %ax # one # two\n", true, 1000))
                .hasMessage("t.s:1:19: x86.py takes at most one # on a line");
        assertThatThrownBy(() -> X86Assembly.assemble("t.s", ".var big 300\n", true, 1000))
                .hasMessage("t.s:1:1: the data reaches address 1300, past the load address 1000 (-L)");
    }
}
