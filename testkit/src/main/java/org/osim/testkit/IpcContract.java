package org.osim.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.result.RunResult;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Simulation;
import org.osim.workloads.WorkloadReader;

/**
 * What a message-passing mechanism must do, as tests a plugin author gets by saying how its operations are called:
 * producers send numbered messages, consumers receive them into memory, and every message sent is received exactly
 * once — none lost, none duplicated — in the order each producer sent them where the mechanism is first in, first out;
 * sends and receives that block are woken (every process completes). Each case runs with the invariant checker on
 * under round robin and under 100 random interleavings on one CPU and on two.
 */
public final class IpcContract {
    private static final int INTERLEAVINGS = 100;
    private static final int PER_PRODUCER = 12;

    /**
     * How to use the mechanism: its {@code type}, the rest of its declaration ({@code ", capacity: 2"}, or empty), a
     * send with {@code {value}} where the value's register goes ({@code "call box.send {value}"}), a receive that
     * leaves the message in r0 ({@code "call box.receive"}), and whether it is first in, first out. The object is
     * declared as {@code box}.
     */
    public record Mechanism(String type, String declaration, String send, String receive, boolean fifo) {
        public Mechanism {
            requireNonNull(type, "type is null");
            requireNonNull(declaration, "declaration is null");
            requireNonNull(send, "send is null");
            requireNonNull(receive, "receive is null");
            if (!send.contains("{value}")) {
                throw new IllegalArgumentException("the send must say where the value goes, as {value}: got " + send);
            }
        }
    }

    private IpcContract() {}

    /** The contract's tests of {@code factory}, used as {@code mechanism} says. */
    public static Stream<DynamicTest> tests(KernelObjectFactory factory, Mechanism mechanism) {
        requireNonNull(factory, "factory is null");
        List<DynamicTest> out = new ArrayList<>();
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {2, 2}}) {
            int producers = shape[0];
            int consumers = shape[1];
            String name = producers + (producers == 1 ? " producer, " : " producers, ") + consumers + (consumers == 1 ? " consumer" : " consumers");
            String yaml = workload(mechanism, producers, consumers);
            boolean ordered = mechanism.fifo() && consumers == 1;
            out.add(DynamicTest.dynamicTest(name + ": every message once" + (ordered ? ", in order" : "") + ", round robin",
                    () -> check(run(factory, yaml, new ContractPolicies.RoundRobin(), 1, 1), producers, ordered, "round robin")));
            for (int cpus = 1; cpus <= 2; cpus++) {
                int n = cpus;
                out.add(DynamicTest.dynamicTest(name + ": every message once" + (ordered ? ", in order" : "") + ", " + INTERLEAVINGS
                        + " random interleavings on " + n + (n == 1 ? " CPU" : " CPUs"), () -> {
                            for (long seed = 1; seed <= INTERLEAVINGS; seed++) {
                                check(run(factory, yaml, new ContractPolicies.RandomInterleaving(), n, seed), producers, ordered,
                                        "the interleaving of seed " + seed + " on " + n + " CPU(s)");
                            }
                        }));
            }
        }
        return out.stream();
    }

    /** Producer p sends p × 1000 + 1 … p × 1000 + 12; consumer c stores what it receives in its share of {@code got}. */
    static String workload(Mechanism m, int producers, int consumers) {
        int total = producers * PER_PRODUCER;
        StringBuilder b = new StringBuilder("objects: [ { name: box, type: ").append(m.type()).append(m.declaration()).append(" } ]\n")
                .append("shared: { got: { size: ").append(total).append(", value: -1 } }\nprocesses:\n");
        for (int p = 1; p <= producers; p++) {
            b.append("  - { name: producer").append(p).append(", program: \"mov r1, 1; loop: mov r7, ").append(p * 1000)
                    .append("; add r7, r1; ").append(m.send().replace("{value}", "r7")).append("; add r1, 1; cmp r1, ")
                    .append(PER_PRODUCER + 1).append("; jl loop\" }\n");
        }
        for (int c = 0; c < consumers; c++) {
            int from = c * total / consumers;
            int to = (c + 1) * total / consumers;
            b.append("  - { name: consumer").append(c + 1).append(", program: \"mov r2, ").append(from).append("; loop: ")
                    .append(m.receive()).append("; store got[r2], r0; add r2, 1; cmp r2, ").append(to).append("; jl loop\" }\n");
        }
        return b.toString();
    }

    private static RunResult run(KernelObjectFactory factory, String yaml, SchedulerFactory policy, int cpus, long seed) {
        return Simulation.builder(WorkloadReader.read("ipc-contract.yaml", yaml, seed)).scheduler(policy, Map.of())
                .objectTypes(type -> type.equals(factory.type()) ? factory
                        : org.osim.kernel.plugin.PluginRegistry.discover(IpcContract.class.getClassLoader()).requireObjectType(type))
                .cpus(cpus).seed(seed).check(true).run();
    }

    private static void check(RunResult r, int producers, boolean ordered, String how) {
        assertThat(r.violations()).as("under %s: violations", how).isEmpty();
        assertThat(r.summary().completed()).as("under %s: every process completes (blocked sends and receives are woken)", how)
                .isEqualTo(r.summary().processes());
        List<Long> got = r.memory().get("got");
        List<Long> sent = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            for (int i = 1; i <= PER_PRODUCER; i++) {
                sent.add((long) p * 1000 + i);
            }
        }
        assertThat(got).as("under %s: every message sent is received exactly once", how).containsExactlyInAnyOrderElementsOf(sent);
        if (ordered) {
            for (int p = 1; p <= producers; p++) {
                long from = p * 1000L;
                assertThat(got.stream().filter(v -> v > from && v <= from + PER_PRODUCER).toList())
                        .as("under %s: producer%s's messages arrive in the order sent", how, p).isSorted();
            }
        }
    }
}
