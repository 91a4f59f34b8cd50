package org.osim.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Simulation;
import org.osim.workloads.WorkloadReader;

/**
 * What a kernel object (a synchronization primitive, an IPC mechanism) must do, as tests a plugin author gets by
 * giving scenarios — small workloads that use the object, with critical regions ({@code enter}/{@code leave}) where
 * it should exclude, and the same calls whatever the interleaving. Each scenario runs with the kernel's invariant
 * checker on (every waiter blocked in exactly one queue, the object's own invariant) under round robin on one CPU and
 * under 100 random interleavings on one and on two CPUs, and must: let every process complete (no lost wake-up, no
 * deadlock), let no two threads into a critical region at once, count the same operations in every interleaving, and
 * run the same twice.
 */
public final class KernelObjectContract {
    private static final int INTERLEAVINGS = 100;

    /** A workload that uses the object under test, named for the test report. */
    public record Scenario(String name, String workloadYaml) {
        public Scenario {
            requireNonNull(name, "name is null");
            requireNonNull(workloadYaml, "workloadYaml is null");
        }
    }

    private KernelObjectContract() {}

    /** The contract's tests of {@code factory} on each of {@code scenarios}. */
    public static Stream<DynamicTest> tests(KernelObjectFactory factory, List<Scenario> scenarios) {
        requireNonNull(factory, "factory is null");
        List<DynamicTest> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.add(DynamicTest.dynamicTest(s.name() + ": every process completes under round robin", () ->
                    check(run(factory, s, new ContractPolicies.RoundRobin(), 1, 1), s, "round robin")));
            for (int cpus = 1; cpus <= 2; cpus++) {
                int n = cpus;
                out.add(DynamicTest.dynamicTest(s.name() + ": " + INTERLEAVINGS + " random interleavings on " + n + (n == 1 ? " CPU" : " CPUs"),
                        () -> {
                            Map<String, Long> operations = null;
                            for (long seed = 1; seed <= INTERLEAVINGS; seed++) {
                                RunResult r = run(factory, s, new ContractPolicies.RandomInterleaving(), n, seed);
                                check(r, s, "interleaving of seed " + seed + " on " + n + " CPU(s)");
                                Map<String, Long> ops = r.objects().stream().collect(Collectors.toMap(ObjectResult::name, ObjectResult::operations));
                                if (operations == null) {
                                    operations = ops;
                                }
                                assertThat(ops).as("operations counted in the interleaving of seed %s (the same calls as seed 1)", seed)
                                        .isEqualTo(operations);
                            }
                        }));
            }
            out.add(DynamicTest.dynamicTest(s.name() + ": two runs are the same", () -> {
                RunResult one = run(factory, s, new ContractPolicies.RandomInterleaving(), 2, 7);
                RunResult two = run(factory, s, new ContractPolicies.RandomInterleaving(), 2, 7);
                assertThat(two.processes()).isEqualTo(one.processes());
                assertThat(two.objects()).isEqualTo(one.objects());
            }));
        }
        return out.stream();
    }

    private static RunResult run(KernelObjectFactory factory, Scenario s, SchedulerFactory policy, int cpus, long seed) {
        Function<String, KernelObjectFactory> installed = type -> org.osim.kernel.plugin.PluginRegistry
                .discover(KernelObjectContract.class.getClassLoader()).requireObjectType(type);
        return Simulation.builder(WorkloadReader.read(s.name() + ".yaml", s.workloadYaml(), seed)).scheduler(policy, Map.of())
                .objectTypes(type -> type.equals(factory.type()) ? factory : installed.apply(type)).cpus(cpus).seed(seed)
                .check(true).run();
    }

    private static void check(RunResult r, Scenario s, String how) {
        assertThat(r.violations()).as("%s under %s: violations", s.name(), how).isEmpty();
        assertThat(r.summary().completed()).as("%s under %s: every process completes", s.name(), how).isEqualTo(r.summary().processes());
    }
}
