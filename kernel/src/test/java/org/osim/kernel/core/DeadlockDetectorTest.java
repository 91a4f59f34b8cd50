package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;
import static org.osim.kernel.core.KernelTest.proc;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** Deadlock detection (Tanenbaum §6.4.1): a cycle in the wait-for graph through the holders of objects. */
class DeadlockDetectorTest {
    private static RunResult run(ProcessSpec... ps) {
        Workload w = Workload.of("test", List.of(ps))
                .withObjects(List.of(ObjectSpec.of("a", "lock", Map.of()), ObjectSpec.of("b", "lock", Map.of())));
        return Simulation.builder(w).scheduler(TestPolicies.fifo(), Map.of()).cpus(2).objectTypes(type -> TestObjects.lock(false)).run();
    }

    @Test
    void twoProcessesTakingTwoLocksInOppositeOrdersCloseACycle() {
        RunResult r = run(proc("A", 0, "call a.lock; cpu 2ms; call b.lock; call b.unlock; call a.unlock"),
                proc("B", 0, "call b.lock; cpu 2ms; call a.lock; call a.unlock; call b.unlock"));
        assertThat(r.violations()).hasSize(1);
        var v = r.violations().get(0);
        assertThat(v.kind()).isEqualTo("deadlock");
        assertThat(v.time()).isEqualTo(millis(2));
        assertThat(v.threads()).containsExactly("B", "A");
        assertThat(v.detail()).isEqualTo("a cycle of waits: B → a held by A → b held by B (each waits for an object the next one holds)");
        assertThat(r.endTime()).isEqualTo(millis(2));
    }

    @Test
    void theSameOrderNeverDeadlocks() {
        RunResult r = run(proc("A", 0, "call a.lock; cpu 2ms; call b.lock; call b.unlock; call a.unlock"),
                proc("B", 0, "call a.lock; cpu 2ms; call b.lock; call b.unlock; call a.unlock"));
        assertThat(r.violations()).isEmpty();
        assertThat(r.process("B").orElseThrow().completion()).hasValue(millis(4));
    }
}
