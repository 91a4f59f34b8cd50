package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The progress line: what it says, that it is drawn only on a terminal and without --quiet, and cleared at the end. */
class ProgressTest {
    @AfterEach
    void restore() {
        System.clearProperty("osim.progress");
        Progress.quiet(false);
        Progress.sink = System.err;
        Progress.showAfterNanos = 1_000_000_000L;
    }

    @Test
    void theLineSaysHowFarHowFastAndHowLongLeft() {
        assertThat(Progress.line("compare", "runs", 12, 30, 4_000_000_000L)).isEqualTo("compare: 12/30 runs · 3.0/s · 0:06 left");
        assertThat(Progress.line("study", "replications", 900, 1000, 2_000_000_000L))
                .isEqualTo("study: 900/1000 replications · 450/s · 0:00 left");
        assertThat(Progress.line("run big", "processes ended", 12_000, 0, 61_000_000_000L))
                .isEqualTo("run big: 12000 processes ended · 197/s · 1:01 so far");
        assertThat(Progress.line("explore", "interleavings", 5, 5, 1_500_000_000L)).isEqualTo("explore: 5/5 interleavings · 3.3/s · 0:01 so far");
    }

    @Test
    void nothingIsDrawnUnlessStandardErrorIsATerminal() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress.sink = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Progress.of("compare", "runs", 3)).isSameAs(Progress.NONE);
        assertThat(Cli.run("compare", "fig-2-41", "-s", "fcfs", "-s", "sjf").exit()).isZero();
        System.setProperty("osim.progress", "tty");
        Progress.quiet(true);
        assertThat(Progress.of("compare", "runs", 3)).isSameAs(Progress.NONE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void onATerminalTheLineIsRedrawnAndClearedAtTheEnd() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress.sink = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setProperty("osim.progress", "tty");
        Progress.showAfterNanos = 0; // at once, rather than after a second
        try (Progress p = Progress.of("sweep", "runs", 4)) {
            p.step();
            for (int i = 0; i < 400 && !err.toString(StandardCharsets.UTF_8).contains("sweep:"); i++) {
                Thread.sleep(25); // until the painter, every quarter of a second, has drawn it
            }
            p.step();
        }
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\rsweep: 1/4 runs · ").contains("\033[K").endsWith("\r\033[K");
    }
}
