package org.osim.importers.ostep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.OsimException;
import org.osim.api.program.Instruction;

/** scheduler.py's flags, read as its optparse reads them, and its jobs, drawn as it draws them. */
class SchedulerHomeworkTest {
    private static SchedulerHomework parse(String... args) {
        return SchedulerHomework.parse(List.of(args));
    }

    @Test
    void theDefaultsAreTheScripts() {
        // -s 0 -j 3 -m 10 -p FIFO: int(10 * random()) + 1 for random() = 0.844..., 0.757..., 0.420...
        SchedulerHomework h = parse();
        assertThat(h.lengths()).containsExactly(9.0, 8.0, 5.0);
        assertThat(h.scheduler()).isEqualTo("fcfs");
        assertThat(h.parameters()).isEmpty();
        assertThat(h.given()).isFalse();
    }

    @Test
    void integersAsOptparseReadsThemAndLongOptionsByAnyUniquePrefix() {
        // 010 is octal 8: random.seed(8) draws 0.2267... and 0.9622... first.
        assertThat(parse("-s", "010", "-j", "2").lengths()).containsExactly(3.0, 10.0);
        assertThat(parse("-s", "0x8", "-j", "2").lengths()).isEqualTo(parse("-s", "8", "-j", "2").lengths());
        assertThat(parse("-s", "0b1000", "-j", "2").lengths()).isEqualTo(parse("-s8", "-j2").lengths());
        SchedulerHomework rr = parse("--pol=RR", "--quan", "4", "--jl", "5,10.5,15");
        assertThat(rr.lengths()).containsExactly(5.0, 10.5, 15.0);
        assertThat(rr.given()).isTrue();
        assertThat(rr.scheduler()).isEqualTo("rr");
        assertThat(rr.parameters()).isEqualTo(Map.of("quantum", "4ms"));
        assertThat(rr.workload().processes()).extracting(p -> p.name()).containsExactly("0", "1", "2");
        assertThat(rr.workload().processes().get(1).threads().get(0).program().instructions())
                .containsExactly(new Instruction.Compute(10_500_000));
        assertThat(parse("-c", "-p", "SJF", "-l", "8,4,4,4").statisticsOrder()).containsExactly(1, 2, 3, 0);
        assertThat(parse("-p", "RR", "-l", "8,4,4,4").statisticsOrder()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void badFlagsAreOneClearError() {
        assertThatThrownBy(() -> parse("-z", "1")).isInstanceOf(OsimException.class)
                .hasMessage("scheduler.py: no such option: -z (scheduler.py takes -s, -j, -l, -m, -p, -q, -c)");
        assertThatThrownBy(() -> parse("-p", "rr")).hasMessage("scheduler.py: unknown policy 'rr' (FIFO, SJF or RR, as written)");
        assertThatThrownBy(() -> parse("-s", "x1")).hasMessage("scheduler.py: option -s: invalid integer value: 'x1'");
        assertThatThrownBy(() -> parse("-q")).hasMessage("scheduler.py: -q option requires an argument");
        assertThatThrownBy(() -> parse("--j", "3")).hasMessage("scheduler.py: ambiguous option --j (jobs, jlist)");
        assertThatThrownBy(() -> parse("-l", "5,,6")).hasMessage("scheduler.py: -l expects run times separated by commas, got '' in '5,,6'");
        assertThatThrownBy(() -> parse("-l", "0,1").workload()).hasMessageContaining("job 0 has run time 0.0");
    }
}
