package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.schedulers.Lottery;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Tanenbaum §2.4.3: a client blocked on a server's mailbox hands the server its lottery tickets. */
class TicketTransferTest {
    private static HarnessResult run(long seed, boolean transfer) {
        return SchedulerHarness.of(new Lottery()).seed(seed).ticketTransfer(transfer).workload("lottery-client-server").run();
    }

    @Test
    void theWaitingClientsTicketsMakeTheServerTheHogsEqual() {
        // Without transfer the server's one ticket loses to the hog's hundred until the hog is done.
        HarnessResult without = run(1, false);
        assertThat(without.turnaroundMillis("client")).isEqualTo(550.021);
        assertThat(without.turnaroundMillis("hog")).isEqualTo(510.005);
        HarnessResult with = run(1, true);
        assertThat(with.turnaroundMillis("client")).isEqualTo(410.021);
        double sumWith = 0;
        double sumWithout = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double a = run(seed, true).turnaroundMillis("client");
            double b = run(seed, false).turnaroundMillis("client");
            assertThat(a).as("seed %d", seed).isLessThan(b);
            sumWith += a;
            sumWithout += b;
        }
        // 50 ms of service at about half the CPU instead of about 1%: the client is done in about half the time.
        assertThat(sumWith / sumWithout).isLessThan(0.6);
    }
}
