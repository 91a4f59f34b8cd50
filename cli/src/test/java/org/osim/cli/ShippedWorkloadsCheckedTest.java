package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Osim;
import org.osim.workloads.Workloads;

/**
 * Every shipped workload keeps every invariant of the kernel, and every promise of its policy: under the
 * policy it names (or round robin), and under three of another kind, in the default suite; under every
 * installed policy but {@code scripted} (which needs a schedule of its own), and MLFQ's OSTEP variant,
 * with {@code -Plong}.
 */
class ShippedWorkloadsCheckedTest {
    private static final Osim OSIM = Osim.create();

    static Stream<Arguments> everyWorkloadUnderFourPolicies() {
        List<Arguments> out = new ArrayList<>();
        for (String w : Workloads.standardNames()) {
            // "" runs it under the policy it names, as osim run W does without -s (round robin if it names none).
            for (String policy : List.of("", "priority", "edf", "mlfq")) {
                out.add(Arguments.of(w, policy));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> everyWorkloadUnderEveryPolicy() {
        List<Arguments> out = new ArrayList<>();
        for (String w : Workloads.standardNames()) {
            for (SchedulerFactory f : OSIM.plugins().schedulers()) {
                if (!f.name().equals("scripted")) {
                    out.add(Arguments.of(w, f.name()));
                }
            }
            out.add(Arguments.of(w, "mlfq:variant=ostep,boost=50ms,ioToFront=true"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("everyWorkloadUnderFourPolicies")
    void keepsEveryInvariant(String workload, String policy) {
        check(workload, policy);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("everyWorkloadUnderEveryPolicy")
    @EnabledIfSystemProperty(named = "osim.long", matches = "true")
    void keepsEveryInvariantUnderEveryPolicy(String workload, String policy) {
        check(workload, policy);
    }

    private static void check(String workload, String policy) {
        List<String> args = new ArrayList<>(List.of("run", workload, "--check", "--format", "json"));
        if (!policy.isEmpty()) {
            args.addAll(List.of("-s", policy));
        } else if (Workloads.load(workload, 1).scheduler().isEmpty()) {
            args.addAll(List.of("-s", "rr"));
        }
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.err()).isEmpty();
        assertThat(c.exit()).isZero();
        assertThat(c.out()).containsPattern("\"invariants\" ?: \"ok\"");
    }
}
