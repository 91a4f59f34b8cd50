package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSpecTest {
    private static final String SPEC = """
            name: loads
            workloads: [mm1, md1]
            set: { jobs: 500 }
            vary:
              arrival: [20ms, 10ms]
              service: [4ms, 8ms]
            schedulers: [fcfs, "rr:quantum=1ms"]
            replications: 3
            seed: 7
            baseline: "rr:quantum=1ms"
            """;

    @Test
    void aGridIsEveryCombination() {
        SweepSpec s = SweepSpec.parse("s.yaml", SPEC);
        assertThat(s.name()).isEqualTo("loads");
        assertThat(s.cells()).containsExactly(Map.of("jobs", "500", "arrival", "20ms", "service", "4ms"),
                Map.of("jobs", "500", "arrival", "20ms", "service", "8ms"), Map.of("jobs", "500", "arrival", "10ms", "service", "4ms"),
                Map.of("jobs", "500", "arrival", "10ms", "service", "8ms"));
        assertThat(s.runs()).isEqualTo(2 * 4 * 2 * 3);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.baseline().orElseThrow().value()).isEqualTo("rr:quantum=1ms");
        assertThat(s.schedulers().get(1).at().line()).isEqualTo(7);
    }

    @Test
    void mistakesAreRefusedAtTheirPlaceBeforeAnyRun() {
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1]\nschedulers: [fcfs]\nrepetitions: 3\n"))
                .hasMessage("s.yaml:3:1: unknown field 'repetitions' in a sweep; expected one of: name, workloads, set, vary, "
                        + "schedulers, replications, seed, confidence, baseline");
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1]\nschedulers: [fcfs]\nvary: { arival: [1ms] }\n"))
                .hasMessage("s.yaml:3:9: workload mm1 has no parameter 'arival' (parameters: arrival, service, jobs)");
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1, nosuch]\nschedulers: [fcfs]\n"))
                .hasMessageStartingWith("s.yaml:1:18: no workload 'nosuch'");
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1]\nschedulers: []\n"))
                .hasMessage("s.yaml:2:13: the grid is empty: schedulers needs at least one value");
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1]\nschedulers: [fcfs]\nbaseline: rr\n"))
                .hasMessage("s.yaml:3:11: baseline 'rr' is none of the schedulers (fcfs)");
        assertThatThrownBy(() -> SweepSpec.parse("s.yaml", "workloads: [mm1]\nschedulers: [fcfs]\nset: { jobs: 5 }\nvary: { jobs: [1, 2] }\n"))
                .hasMessage("s.yaml:4:9: parameter 'jobs' is both set and varied");
        assertThat(SweepSpec.parse("s.yaml", "workloads: mm1\nschedulers: fcfs\n").cells()).isEqualTo(List.of(Map.of()));
    }
}
