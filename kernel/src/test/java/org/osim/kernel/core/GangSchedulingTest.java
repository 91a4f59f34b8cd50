package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

class GangSchedulingTest {
    /** A FIFO that says it keeps gangs together, and does only when enough CPUs are idle. */
    private static final class ClaimsGangs extends TestPolicies.Fifo {
        ClaimsGangs() {
            super(Long.MAX_VALUE);
        }

        @Override
        public boolean schedulesGangs() {
            return true;
        }
    }

    private static ProcessSpec gang(String name, long arrival, int threads) {
        List<ThreadSpec> ts = new java.util.ArrayList<>();
        Program p = Program.parse("cpu 10ms");
        for (int i = 1; i <= threads; i++) {
            ts.add(new ThreadSpec(name + "." + i, p));
        }
        return new ProcessSpec(name, arrival, 0, 0, 1, "default", java.util.OptionalLong.empty(), ts, Map.of(),
                java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false, true);
    }

    private static RunResult run(int cpus, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("gangs", List.of(ps)))
                .scheduler(TestPolicies.factory("claims-gangs", List.of(), (p, c) -> new ClaimsGangs()), Map.of())
                .cpus(cpus).run();
    }

    @Test
    void aGangStartedTogetherOnCpusOfItsOwnRuns() {
        RunResult r = run(4, gang("A", 0, 4));
        assertThat(r.process("A").orElseThrow().threads()).allSatisfy(t -> assertThat(t.firstRun()).hasValue(0));
        assertThat(r.process("A").orElseThrow().completion()).hasValue(10_000_000);
        assertThat(r.process("A").orElseThrow().boundedSlowdown()).hasValue(1.0);
    }

    @Test
    void aPolicyThatStartsPartOfAGangIsStoppedAtThatInstantAndNamed() {
        // B (2 threads) takes two of the three CPUs; C's three threads find one free, and the FIFO starts one of them.
        assertThatThrownBy(() -> run(3, gang("B", 0, 2), gang("C", 1_000_000, 3)))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("scheduler 'claims-gangs' failed in pickNext at 1 ms: started 1 of the 3 threads of gang process "
                        + "'C' and left C.2 ready: a gang's threads start together, each on a CPU of its own");
    }
}
