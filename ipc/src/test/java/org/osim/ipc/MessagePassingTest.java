package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RandomInterleaving;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Message passing (Tanenbaum §2.3.8): addressed to processes or to mailboxes, buffered or a rendezvous. */
class MessagePassingTest {
    static ObjectResult object(RunResult r, String name) {
        return r.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    static void allExitNormally(HarnessResult r) {
        r.result().processes().forEach(p -> assertThat(p.termination()).as(p.name()).contains(Termination.exit(0)));
    }

    @Test
    void fig2_36NMessagesCirculateBetweenProducerAndConsumer() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload("producer-consumer-messages").run();
        allExitNormally(r); // the consumer faults if an item is lost, doubled or out of order
        // 4 empties first, then an item and an empty back for each of 20 items: 44 sent; the last 4 empties
        // are never received.
        assertThat(object(r.result(), "mp").counters()).containsEntry("sent", 44L).containsEntry("received", 40L)
                .containsEntry("most buffered", 4L);
        // With one message in circulation producer and consumer strictly alternate.
        HarnessResult one = SchedulerHarness.of(new RoundRobin()).workload("producer-consumer-messages", Map.of("N", "1")).run();
        allExitNormally(one);
        assertThat(object(one.result(), "mp").counters()).containsEntry("most buffered", 1L);
    }

    @Test
    void everyItemOnceAndInOrderUnderAHundredRandomInterleavings() {
        for (String w : new String[] {"producer-consumer-messages", "producer-consumer-mailbox"}) {
            for (long seed = 1; seed <= 100; seed++) {
                HarnessResult r = SchedulerHarness.of(new RandomInterleaving()).seed(seed).workload(w).run();
                allExitNormally(r);
            }
        }
    }

    @Test
    void aFullMailboxBlocksTheSenderAndCapacityZeroIsARendezvous() {
        HarnessResult buffered = SchedulerHarness.of(new FirstComeFirstServed()).workload("producer-consumer-mailbox").run();
        allExitNormally(buffered);
        // The consumer is three times slower: once 4 items wait, the producer blocks for each further one.
        assertThat(object(buffered.result(), "buffer").counters()).containsEntry("sent", 20L).containsEntry("received", 20L)
                .containsEntry("most buffered", 4L).containsEntry("senders blocked", 13L);
        HarnessResult rendezvous = SchedulerHarness.of(new FirstComeFirstServed())
                .workload("producer-consumer-mailbox", Map.of("capacity", "0")).run();
        allExitNormally(rendezvous);
        // Nothing is ever buffered: every send but the first (the consumer was already waiting) waits for its receive.
        assertThat(object(rendezvous.result(), "buffer").counters()).doesNotContainKey("most buffered")
                .containsEntry("senders blocked", 19L);
        // The slow consumer sets the pace either way (0.712 ms); without a buffer the producer waits for each
        // receive and finishes 4 items later: 0.679 ms instead of 0.539 ms.
        assertThat(buffered.process("producer").completion()).hasValue(539_000L);
        assertThat(rendezvous.process("producer").completion()).hasValue(679_000L);
        assertThat(rendezvous.result().endTime()).isEqualTo(buffered.result().endTime()).isEqualTo(712_000L);
    }

    @Test
    void receiveFromANamedSourceAndTheNonBlockingForms() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: mp, type: messages, capacity: 2 } ]
                shared: { got: [0, 0, 0, 0, 0] }
                processes:
                  - name: a
                    program: |
                      call mp.send server 1
                      call mp.send server 2
                      call mp.trysend server 3     # the buffer holds 2: refused
                      store got[4], r0
                  - name: b
                    program: |
                      call mp.send server 20
                  - name: server
                    arrival: 1ms
                    program: |
                      call mp.receive b            # b's 20 is blocked behind a's two: the rendezvous takes it
                      store got[0], r0
                      call mp.receive a
                      store got[1], r0
                      call mp.receive any
                      store got[2], r0
                      call mp.tryreceive           # nothing left: -11 at once
                      store got[3], r0
                """).run();
        allExitNormally(r);
        assertThat(r.result().memory().get("got")).containsExactly(20L, 1L, 2L, -11L, -11L);
    }

    @Test
    void aRequestWaitsForTheReplyOfTheThreadThatReceivedIt() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: rpc, type: mailbox, capacity: 4 } ]
                shared: { answers: [0, 0] }
                processes:
                  - name: client
                    program: |
                      call rpc.request 20
                      store answers[0], r0
                      call rpc.request 21
                      store answers[1], r0
                  - name: server
                    program: |
                      mov r5, 2
                      loop:
                      call rpc.receive
                      add r0, 100                # the work: add 100
                      cpu 1ms
                      call rpc.reply r0
                      sub r5, 1
                      jnz loop
                """).run();
        allExitNormally(r);
        assertThat(r.result().memory().get("answers")).containsExactly(120L, 121L);
        assertThat(object(r.result(), "rpc").counters()).containsEntry("requests", 2L).containsEntry("replies", 2L);
        // Two 1 ms services and the instructions around them (one CPU, first come first served).
        assertThat(r.process("client").completion()).hasValue(2_009_000L);
    }
}
