package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Lottery, stride and fair-share scheduling (Tanenbaum §2.4.3). */
class ProportionalShareTest {
    private static double share(RunResult r, String name) {
        long total = r.processes().stream().mapToLong(p -> p.cpu()).sum();
        return (double) r.process(name).orElseThrow().cpu() / total;
    }

    @Test
    void lotteryGivesSharesWithinTwoPercentOfTheTickets() {
        RunResult r = SchedulerHarness.of(new Lottery()).workload("lottery-video-10-20-25").run().result();
        assertThat(share(r, "video-10")).isCloseTo(10.0 / 55, within(0.02));
        assertThat(share(r, "video-20")).isCloseTo(20.0 / 55, within(0.02));
        assertThat(share(r, "video-25")).isCloseTo(25.0 / 55, within(0.02));
    }

    @Test
    void anotherSeedDrawsOtherLotteriesButTheSameShares() {
        RunResult a = SchedulerHarness.of(new Lottery()).seed(1).workload("lottery-video-10-20-25").run().result();
        RunResult b = SchedulerHarness.of(new Lottery()).seed(2).workload("lottery-video-10-20-25").run().result();
        assertThat(a.process("video-10").orElseThrow().cpu()).isNotEqualTo(b.process("video-10").orElseThrow().cpu());
        assertThat(share(b, "video-25")).isCloseTo(25.0 / 55, within(0.02));
    }

    @Test
    void strideIsExactToOneQuantum() {
        RunResult r = SchedulerHarness.of(new Stride()).workload("lottery-video-10-20-25").run().result();
        long run = 100_000_000_000L;
        long quantum = 20_000_000L;
        assertThat(r.process("video-10").orElseThrow().cpu()).isCloseTo(run * 10 / 55, within(quantum));
        assertThat(r.process("video-20").orElseThrow().cpu()).isCloseTo(run * 20 / 55, within(quantum));
        assertThat(r.process("video-25").orElseThrow().cpu()).isCloseTo(run * 25 / 55, within(quantum));
    }

    @Test
    void fairShareWithEqualShares() {
        HarnessResult r = SchedulerHarness.of(new FairShare()).workload("fair-share-equal").run();
        assertThat(r.order().subList(0, 8)).containsExactly("A", "E", "B", "E", "C", "E", "D", "E");
    }

    @Test
    void fairShareWithUserOneEntitledToTwiceUserTwo() {
        HarnessResult r = SchedulerHarness.of(new FairShare()).workload("fair-share-2to1").run();
        assertThat(r.order().subList(0, 12)).containsExactly("A", "B", "E", "C", "D", "E", "A", "B", "E", "C", "D", "E");
    }

    @Test
    void roundRobinIgnoresUsers() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("fair-share-equal").run();
        assertThat(r.order().subList(0, 5)).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void ticketTransferLendsAWaitersTicketsToWhatItWaitsFor() {
        // P forks a child and waits for it; the child then competes with B. P's tickets go to the child.
        String yaml = """
                duration: 600ms
                processes:
                  - name: P
                    tickets: 200
                    programs: { child: [cpu 10s] }
                    program: "fork child; wait"
                  - { name: B, tickets: 200, bursts: [cpu 10s] }
                """;
        RunResult plain = SchedulerHarness.of(new Stride()).workloadYaml(yaml).run().result();
        RunResult lent = org.osim.kernel.Simulation.builder(org.osim.workloads.WorkloadReader.read("t.yaml", yaml, 1))
                .scheduler(new Stride(), java.util.Map.of()).ticketTransfer(true).run();
        assertThat(share(plain, "P/child")).isCloseTo(0.5, within(0.04));
        assertThat(share(lent, "P/child")).isCloseTo(2.0 / 3, within(0.04));
    }
}
