package org.osim.api.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form of the fine-grained instructions: operands, labels, .word, and errors that say where. */
class AssemblerTest {
    @Test
    void operandsLabelsAndWords() {
        Program p = Program.parse("""
                .word flag 0 0
                loop: tsl r1, lock      # Fig. 2-25
                      cmp r1, 0
                      jnz loop
                      store flag[r2], 1
                      load r3, flag[1]
                      cas r1, lock, r2
                      fetchadd r4, next
                done:
                      enter cs; leave cs; jmp done
                """);
        assertThat(p.instructions()).hasSize(11);
        assertThat(p.instructions().get(0)).isEqualTo(new Instruction.Word("flag", List.of(0L, 0L)));
        Instruction.Machine tsl = (Instruction.Machine) p.instructions().get(1);
        assertThat(tsl.op()).isEqualTo(MachineOp.TSL);
        assertThat(tsl.operands()).containsExactly(new Operand.Register(1), new Operand.Memory("lock", 0, -1));
        assertThat(((Instruction.Machine) p.instructions().get(3)).target()).isEqualTo(1); // jnz loop
        assertThat(((Instruction.Machine) p.instructions().get(4)).operands())
                .containsExactly(new Operand.Memory("flag", 0, 2), new Operand.Immediate(1));
        assertThat(((Instruction.Machine) p.instructions().get(10)).target()).isEqualTo(8); // done: the enter
        assertThat(p.toString()).isEqualTo("[.word flag 0 0, tsl r1, lock, cmp r1, 0, jnz loop, store flag[r2], 1, "
                + "load r3, flag[1], cas r1, lock, r2, fetchadd r4, next, enter cs, leave cs, jmp done]");
        // A repeated program is the same instructions run again: its jumps stay where they are.
        assertThat(((Instruction.Machine) p.repeated(2).instructions().get(10)).target()).isEqualTo(8);
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> Program.parse("mov r1, 1\n  jnz nowhere"))
                .hasMessage("2:7: no label 'nowhere' in this program");
        assertThatThrownBy(() -> Program.parse("load r9, x")).hasMessage("1:6: registers are r0 to r7, got r9");
        assertThatThrownBy(() -> Program.parse("load 5, x")).hasMessage("1:6: expected a register r0 to r7, got '5'");
        assertThatThrownBy(() -> Program.parse("cmp r1")).hasMessage("1:1: cmp takes 2 operand(s), e.g. cmp r1, 0; got 'cmp r1'");
        assertThatThrownBy(() -> Program.parse("store r1, 2")).hasMessage(
                "1:7: expected a memory word such as turn, flag[1] or flag[r2], got 'r1'");
        assertThatThrownBy(() -> Program.parse("a: mov r1, 1\na: mov r1, 2")).hasMessage("2:1: label 'a' is defined twice");
        assertThatThrownBy(() -> Program.parse(".word x 1 y")).hasMessage("1:11: expected a whole number as the initial value, got 'y'");
    }

    @Test
    void subroutinesAndConstants() {
        Program p = Program.parse("""
                .equ N 4
                      call sub          # a subroutine: call with a label
                      call m.lock       # a kernel object: call with OBJECT.OPERATION
                      cmp r1, N
                      jl sub
                sub:  ret
                """);
        Instruction.Machine call = (Instruction.Machine) p.instructions().get(0);
        assertThat(call.op()).isEqualTo(MachineOp.CALL);
        assertThat(call.target()).isEqualTo(4);
        assertThat(p.instructions().get(1)).isEqualTo(new Instruction.Call("m", "lock", List.of()));
        assertThat(((Instruction.Machine) p.instructions().get(2)).operands())
                .containsExactly(new Operand.Register(1), new Operand.Immediate(4));
        assertThat(((Instruction.Machine) p.instructions().get(3)).op()).isEqualTo(MachineOp.JL);
        assertThatThrownBy(() -> Program.parse("cmp r1, M")).hasMessage(
                "1:9: expected a register, a number or a constant (.equ NAME VALUE), got 'M'");
        assertThatThrownBy(() -> Program.parse(".equ N 4\nload r1, N")).hasMessage("2:10: 'N' is a constant, not a memory word");
        assertThatThrownBy(() -> Program.parse(".equ N")).hasMessage("1:1: expected .equ NAME VALUE, e.g. .equ N 4");
    }
}
