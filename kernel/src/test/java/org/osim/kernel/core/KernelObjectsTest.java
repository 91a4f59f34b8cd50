package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osim.api.SimTime.millis;
import static org.osim.kernel.core.KernelTest.proc;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.result.Termination;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** The object table: a call that blocks, the wake-up that hands the object on, and what a broken object does. */
class KernelObjectsTest {
    static RunResult run(int cpus, ProcessSpec... ps) {
        Workload w = Workload.of("test", List.of(ps)).withObjects(List.of(ObjectSpec.of("m", "lock", Map.of())));
        return Simulation.builder(w).scheduler(TestPolicies.fifo(), Map.of()).cpus(cpus).recordSlices(true)
                .objectTypes(type -> TestObjects.lock(false)).run();
    }

    @Test
    void aBlockedCallWaitsAndTheReleaseHandsTheObjectToTheFirstWaiter() {
        RunResult r = run(2, proc("A", 0, "call m.lock; cpu 4ms; call m.unlock; cpu 1ms"),
                proc("B", 1, "call m.lock; cpu 2ms; call m.unlock"), proc("C", 2, "call m.lock; cpu 2ms; call m.unlock"));
        // B (waiting since 1) gets it at 4, C (since 2) at 6: first come, first served, one holder at a time;
        // C then runs on the CPU A left at 5.
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@0-5 1:B@4-6 0:C@6-8");
        assertThat(r.process("B").orElseThrow().blocked()).isEqualTo(millis(3));
        assertThat(r.process("C").orElseThrow().completion()).hasValue(millis(8));
    }

    @Test
    void anObjectThatThrowsEndsTheRunNamingItAndItsType() {
        assertThatThrownBy(() -> run(1, proc("A", 0, "cpu 1ms; call m.boom")))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILURE))
                .hasMessage("kernel object 'm' (type 'lock') failed in boom at 1 ms: threw java.lang.IllegalStateException: boom");
    }

    @Test
    void aRejectedArgumentEndsOnlyTheCallingProcess() {
        RunResult r = run(1, proc("A", 0, "cpu 1ms; call m.bad"), proc("B", 0, "cpu 2ms"));
        assertThat(r.process("A").orElseThrow().termination()).contains(Termination.fatal("m.bad: bad argument"));
        assertThat(r.process("B").orElseThrow().completion()).hasValue(millis(3));
    }
}
