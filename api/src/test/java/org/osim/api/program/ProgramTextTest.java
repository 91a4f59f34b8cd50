package org.osim.api.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgramTextTest {
    @Test
    void everyCoarseInstructionParsesAndPrintsBack() {
        String text = "cpu 5ms; io 10ms; io disk 2ms; sleep 20ms; yield; spawn w; join; join w; fork c; wait; "
                + "kill B; fault illegal-instruction; call mutex.down 1; exit 3";
        Program p = Program.parse(text);
        assertThat(p.instructions()).containsExactly(
                new Instruction.Compute(5_000_000), new Instruction.Io(Optional.empty(), 10_000_000),
                new Instruction.Io(Optional.of("disk"), 2_000_000), new Instruction.Sleep(20_000_000),
                new Instruction.Yield(), new Instruction.Spawn("w"), new Instruction.Join(Optional.empty()),
                new Instruction.Join(Optional.of("w")), new Instruction.Fork("c"), new Instruction.Wait(),
                new Instruction.Kill("B"), new Instruction.Fault("illegal-instruction"),
                new Instruction.Call("mutex", "down", List.of("1")), new Instruction.Exit(3));
        assertThat(Program.parse(p.toString().replaceAll("[\\[\\]]", "").replace(", ", "; "))).isEqualTo(p);
        assertThat(p.cpuNanos()).isEqualTo(5_000_000);
    }

    @Test
    void linesCommentsAndSemicolons() {
        Program p = Program.parse("""
                cpu 1ms   # compute
                # a whole comment line
                io 2ms; cpu 3ms
                """);
        assertThat(p.toString()).isEqualTo("[cpu 1ms, io 2ms, cpu 3ms]");
        Program twice = p.repeated(2);
        assertThat(twice.instructions()).isEqualTo(p.instructions()); // held once, run twice
        assertThat(twice.times()).isEqualTo(2);
        assertThat(twice.cpuNanos()).isEqualTo(8_000_000);
        assertThat(twice.repeated(3).times()).isEqualTo(6);
        assertThat(twice.toString()).isEqualTo("2 × [cpu 1ms, io 2ms, cpu 3ms]");
    }

    @Test
    void errorsGiveLineAndColumnWithinTheText() {
        assertThatThrownBy(() -> Program.parse("cpu 1ms\n  io disk fast"))
                .isInstanceOfSatisfying(ProgramSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(11);
                    assertThat(e.problem()).startsWith("expected a duration such as 4ms");
                });
        assertThatThrownBy(() -> Program.parse("cpu 1ms; hop"))
                .isInstanceOfSatisfying(ProgramSyntaxException.class, e -> assertThat(e.column()).isEqualTo(10));
        assertThatThrownBy(() -> Program.parse("cpu")).hasMessage("1:1: expected cpu DURATION, e.g. cpu 5ms, got 'cpu'");
        assertThatThrownBy(() -> Program.parse("call mutex.")).hasMessage(
                "1:6: expected OBJECT.OPERATION (call mutex.down) or a label (call enter_region), got 'mutex.'");
        assertThatThrownBy(() -> Program.parse("call mutex")).hasMessage("1:6: no label 'mutex' in this program");
        assertThatThrownBy(() -> Program.parse("exit x")).hasMessage("1:6: expected a whole number for the exit code, got 'x'");
    }

    @Test
    void aPlainBurstReadsAsTheGeneralParserReadsItAndAnythingElseIsLeftToIt() {
        java.util.List<String> plain = java.util.List.of("cpu 845ms", "cpu 1", "cpu 1.5ms", "sleep 20ms", "io 2ms", "io disk 10ms",
                "io net-1 3us", "io _d 1s");
        for (String text : plain) {
            assertThat(ProgramText.burst(text)).as(text).contains(ProgramText.parseInstruction(text));
        }
        assertThat(ProgramText.burst("io disk 10ms")).contains(new Instruction.Io(java.util.Optional.of("disk"), 10_000_000));
        // Not in the plainest form: the general parser reads it, or says what is wrong, with its own words.
        for (String text : java.util.List.of("cpu  5ms", " cpu 5ms", "cpu 5ms ", "cpu 0ms", "cpu -1ms", "cpu 5ms; io 1ms", "cpu 5ms # x",
                "cpu", "cpu 5xs", "io a b 1ms", "io d.e 1ms", "io 9d 1ms", "yield", "sleep 5ms 6ms", "cpu\t5ms", "fork p")) {
            assertThat(ProgramText.burst(text)).as(text).isEmpty();
        }
    }
}
