package org.osim.importers.ostep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LotteryHomeworkTest {
    @Test
    void jobsAreDrawnAsTheScriptDrawsThemAndTheDecisionsGoOnFromThere() {
        // CPython: random.seed(1); run times int(10*random()) and tickets int(100*random()), each again while 0.
        LotteryHomework hw = LotteryHomework.parse(List.of("-s", "1", "-j", "3", "-c"));
        assertThat(hw.jobs().stream().map(j -> List.of(j[0], j[1])).toList())
                .containsExactly(List.of(1L, 84L), List.of(7L, 25L), List.of(4L, 44L));
        assertThat(hw.draws()).isEqualTo(6);
        assertThat(hw.parameters()).containsEntry("variant", "ostep").containsEntry("scriptSeed", "1")
                .containsEntry("scriptDraws", "6").containsEntry("quantum", "1ms");
        assertThat(hw.workload().processes().get(0).tickets()).isEqualTo(84);
        // A job list draws nothing: the decisions start the stream.
        assertThat(LotteryHomework.parse(List.of("-l", "10:100,20:100")).draws()).isZero();
    }

    @Test
    void badFlagsAreTheScriptsErrors() {
        assertThatThrownBy(() -> LotteryHomework.parse(List.of("-l", "10")))
                .hasMessage("lottery.py: -l: each job is runtime:tickets (jobs separated by ','), got '10'");
        assertThatThrownBy(() -> LotteryHomework.parse(List.of("--maxtick", "1"))).hasMessage("lottery.py: -m and -T must be at "
                + "least 2, or the script draws for ever");
        assertThatThrownBy(() -> LotteryHomework.parse(List.of("-q", "0"))).hasMessage("lottery.py: -q: the quantum must be at least 1, got 0");
    }
}
