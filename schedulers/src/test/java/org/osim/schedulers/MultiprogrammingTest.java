package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.osim.api.result.Summary;
import org.osim.testkit.SchedulerHarness;

/** Tanenbaum Fig. 2-6: CPU utilization 1 − pⁿ for n independent processes waiting for I/O a fraction p of the time. */
class MultiprogrammingTest {
    private static Summary run(double p, int n, int cycles, int cpus) {
        String yaml = """
                machine: { cpus: %d }
                generate:
                  - { name: p, count: %d, cycles: %d, cpu: exp(%sms), io: exp(%sms) }
                """.formatted(cpus, n, cycles, Math.round(10_000 * (1 - p)) / 1000.0, Math.round(10_000 * p) / 1000.0);
        return SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run().result().summary();
    }

    @Test
    void utilizationIsOneMinusPToTheN() {
        for (int n : new int[] {1, 2, 5, 10}) {
            double model = 1 - Math.pow(0.5, n);
            assertThat(run(0.5, n, 20_000, n).anyCpuBusy()).as("p 0.5, n %d", n).isCloseTo(model, within(0.01 * model));
        }
    }

    @Test
    void theShippedWorkloadMatchesTheModel() {
        Summary s = SchedulerHarness.of(new FirstComeFirstServed()).workload("multiprogramming").run().result().summary();
        assertThat(s.anyCpuBusy()).isCloseTo(0.9375, within(0.009));
    }

    @Test
    void contentionForOneCpuRaisesUtilizationAboveTheModel() {
        // On one shared CPU the processes are no longer independent (the machine-repairman model).
        double model = 1 - Math.pow(0.8, 4);
        Summary shared = run(0.8, 4, 20_000, 1);
        assertThat(shared.cpuUtilization()).isGreaterThan(model + 0.05);
        assertThat(shared.anyCpuBusy()).isEqualTo(shared.cpuUtilization(), within(0.001));
    }

    @Test
    @EnabledIfSystemProperty(named = "osim.long", matches = "true")
    void theWholeTableWithinOnePercent() {
        for (double p : new double[] {0.2, 0.5, 0.8}) {
            for (int n = 1; n <= 10; n++) {
                double model = 1 - Math.pow(p, n);
                assertThat(run(p, n, 100_000, n).anyCpuBusy()).as("p %s, n %d", p, n).isCloseTo(model, within(0.01 * model));
            }
        }
    }
}
