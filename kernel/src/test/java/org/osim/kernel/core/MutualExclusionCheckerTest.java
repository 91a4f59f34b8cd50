package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.api.result.Violation;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/**
 * Tanenbaum's conditions of §2.3.2 checked as two threads run on two CPUs in lock step: the lock variable
 * lets both in (and the interleaving log shows how); test-and-set lock does not.
 */
class MutualExclusionCheckerTest {
    private static RunResult run(String protocol) {
        ProcessSpec p = MachineInstructionsTest.twoThreads("P", ".word lock 0\nspawn w\n" + protocol + "\njoin", protocol);
        return Simulation.builder(Workload.of("test", List.of(p)).withMachine(MachineSpec.DEFAULT.withCpus(2)))
                .scheduler(TestPolicies.fifo(), Map.of()).run();
    }

    private static final String LOCK_VARIABLE = """
            want cs
            l: load r1, lock
            cmp r1, 0
            jnz l
            store lock, 1
            enter cs
            mov r2, 0
            leave cs
            store lock, 0""";

    @Test
    void theLockVariableLetsTwoThreadsInAtOnce() {
        RunResult r = run(LOCK_VARIABLE);
        assertThat(r.violations()).extracting(Violation::kind).containsExactly("mutual-exclusion");
        Violation v = r.violations().get(0);
        assertThat(v.threads()).containsExactlyInAnyOrder("P", "P.w");
        assertThat(v.detail()).isEqualTo("P and P.w are in critical region 'cs' at once");
        // The interleaving log: in lock step, each ran load, cmp, jnz and store (both had read lock = 0) and entered.
        assertThat(v.schedule()).isEqualTo("cpu0 P:4 | cpu1 P.w:4");
    }

    @Test
    void testAndSetLockKeepsTheSecondOut() {
        RunResult r = run(LOCK_VARIABLE.replace("l: load r1, lock", "l: tsl r1, lock").replace("store lock, 1\n", ""));
        assertThat(r.violations()).isEmpty();
    }
}
