package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.Termination;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/**
 * The kernel's side of the instruction set: a fault the CPU raises ends the process as a trap would, and
 * an interrupt that falls while a thread has interrupts off waits for its {@code sti}. An instruction takes
 * 1 us on the textbook profile.
 */
class MachineInstructionsTest {
    private static RunResult run(MachineSpec machine, String quantum, ProcessSpec... ps) {
        return Simulation.builder(Workload.of("test", List.of(ps)).withMachine(machine))
                .scheduler(TestPolicies.roundRobin(), Map.of("quantum", quantum)).recordSlices(true).run();
    }

    private static ProcessSpec proc(String name, String program) {
        return ProcessSpec.of(name, 0, Program.parse(program));
    }

    @Test
    void faultsEndTheProcessThatRaisedThemAndNoOther() {
        RunResult r = run(MachineSpec.DEFAULT, "10ms", proc("R", "mov r0, 1; ret"), proc("C", "cli; cpu 1ms"),
                proc("S", ".word flag 0 0; mov r1, 2; store flag[r1], 1"), proc("ok", "cpu 1ms"));
        assertThat(r.process("R").orElseThrow().termination()).contains(Termination.fatal("ret with nothing to return to"));
        assertThat(r.process("C").orElseThrow().termination()).contains(Termination.fatal("privileged instruction: cli in a "
                + "user program (a machine with 'userInterrupts: true' allows it; Tanenbaum §2.3.3 says why it should not)"));
        assertThat(r.process("S").orElseThrow().termination())
                .contains(Termination.fatal("segmentation fault: flag[2] is outside the word's 2 element(s)"));
        assertThat(r.process("ok").orElseThrow().termination()).contains(Termination.exit(0));
        // R ran one instruction before its fault, S one: 2 us of CPU before ok's 1 ms.
        assertThat(r.process("ok").orElseThrow().completion()).hasValue(millis(1) + 2_000);
    }

    @Test
    void theSliceEndWaitsForSti() {
        // cli, mov and 1,000 x (sub, jnz) take 2.002 ms with interrupts off: the 1 ms slice ends at 1 ms, but the
        // interrupt is held until sti, which A runs at 2.002 ms; B runs only then (A's last microsecond, of
        // sti itself, is left for its next turn).
        MachineSpec userInterrupts = new MachineSpec(1, "textbook", 0, true, false, 0);
        RunResult r = run(userInterrupts, "1ms", proc("A", "cli; mov r0, 1000; l: sub r0, 1; jnz l; sti; cpu 1ms"),
                proc("B", "cpu 1ms"));
        assertThat(KernelTest.schedule(r)).isEqualTo("0:A@0-2.002 0:B@2.002-3.002 0:A@3.002-4.002 0:A@4.002-4.003");
    }

    @Test
    void aSubroutineCallNestedTooDeepIsAStackOverflow() {
        RunResult r = run(MachineSpec.DEFAULT, "100ms", proc("P", "f: call f"));
        assertThat(r.process("P").orElseThrow().termination()).contains(Termination.fatal("stack overflow: 10000 nested calls"));
        assertThat(r.process("P").orElseThrow().cpu()).isEqualTo(10_000 * 1_000L);
    }

    static ProcessSpec twoThreads(String name, String main, String worker) {
        return new ProcessSpec(name, 0, 0, 0, 1, "default", OptionalLong.empty(), List.of(new ThreadSpec(name, Program.parse(main))),
                Map.of("w", Program.parse(worker)), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false);
    }
}
