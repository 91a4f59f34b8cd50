package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.MessageResult;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Pop-up threads (Tanenbaum §2.2.8) and the three servers of Fig. 2-10. */
class ServersTest {
    private static final String TWO_REQUESTS = """
            processes:
              - name: server
                programs: { req: [cpu 1ms, io disk 5ms, cpu 1ms] }
                messages: [ { handler: req, count: 2, arrival: 0 } ]
            %s
            """;

    private static MessageResult messages(HarnessResult r) {
        return r.process("server").messages().orElseThrow();
    }

    @Test
    void aSingleThreadedServerWaitsForEachDiskRead() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(TWO_REQUESTS.formatted("    program: serve")).run();
        // Request 1: 0-1, disk 1-6, 6-7. Request 2 waits until 7: 7-8, disk 8-13, 13-14.
        assertThat(r.schedule()).isEqualTo("server 0-1 | server 6-8 | server 13-14");
        MessageResult m = messages(r);
        assertThat(m.handled()).isEqualTo(2);
        assertThat(m.worstLatency()).isEqualTo(7_000_000L);
        assertThat(m.meanResponse()).isEqualTo(10_500_000.0);
    }

    @Test
    void aFiniteStateMachineOverlapsTheReadsInOneThread() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(TWO_REQUESTS.formatted("    program: serve async")).run();
        // Both requests start at once; the disk serves the reads 1-6 and 6-11; each ends 1 ms after its read.
        assertThat(r.schedule()).isEqualTo("server 0-2 | server 6-7 | server 11-12");
        MessageResult m = messages(r);
        assertThat(m.worstLatency()).isEqualTo(1_000_000L);
        assertThat(m.worstResponse()).isEqualTo(12_000_000L);
        assertThat(m.meanResponse()).isEqualTo(9_500_000.0);
    }

    @Test
    void popUpThreadsGetAFreshThreadPerMessage() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(TWO_REQUESTS.formatted("    popup: true")).run();
        assertThat(r.schedule()).isEqualTo("server.req 0-1 | server.req#2 1-2 | server.req 6-7 | server.req#2 11-12");
        assertThat(r.process("server").threads()).hasSize(2);
        MessageResult m = messages(r);
        assertThat(m.meanLatency()).isEqualTo(500_000.0);
        assertThat(m.worstResponse()).isEqualTo(12_000_000L);
        assertThat(r.process("server").completion().orElseThrow()).isEqualTo(12_000_000L);
    }

    @Test
    void popUpThreadsStartSoonerThanAThreadBlockedInReceive() {
        // Messages that come close together: pop-up threads handle them at once on two CPUs, overlapping
        // their I/O; one thread blocked in receive takes them one after another.
        String yaml = """
                machine: { cpus: 2 }
                processes:
                  - name: server
                    programs: { req: [cpu 2ms, io 5ms, cpu 1ms] }
                    messages: [ { handler: req, count: 50, arrival: exp(3ms) } ]
                %s
                """;
        MessageResult popup = messages(SchedulerHarness.of(new RoundRobin()).workloadYaml(yaml.formatted("    popup: true")).run());
        MessageResult receiver = messages(SchedulerHarness.of(new RoundRobin()).workloadYaml(yaml.formatted("    program: serve")).run());
        assertThat(popup.handled()).isEqualTo(50);
        assertThat(receiver.handled()).isEqualTo(50);
        assertThat(popup.meanLatency()).isLessThan(receiver.meanLatency() / 10);
        assertThat(popup.worstResponse()).isLessThan(receiver.worstResponse());
    }

    @Test
    void theThreeServersOfFigure2_10() {
        MessageResult threads = messages(SchedulerHarness.of(new RoundRobin()).workload("fig-2-10-threads").run());
        MessageResult single = messages(SchedulerHarness.of(new RoundRobin()).workload("fig-2-10-single").run());
        MessageResult fsm = messages(SchedulerHarness.of(new RoundRobin()).workload("fig-2-10-fsm").run());
        assertThat(threads.handled()).isEqualTo(650);
        assertThat(single.handled()).isEqualTo(650);
        assertThat(fsm.handled()).isEqualTo(650);
        assertThat(single.meanLatency()).isGreaterThan(10 * threads.meanLatency());
        assertThat(single.meanResponse()).isGreaterThan(3 * fsm.meanResponse());
    }
}
