package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Kernel traces of textbook examples, stamped with simulated time, compared line for line. */
class GoldenTraceTest {
    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shortestRemainingTimeNextOnTheSjfCounterexample() throws IOException {
        Cli c = Cli.run("run", "sjf-counterexample", "-s", "srtn", "--trace");
        assertThat(c.exit()).isZero();
        String trace = c.out().substring(0, c.out().indexOf("\n\n") + 1);
        assertThat(trace).isEqualTo(golden("sjf-counterexample-srtn.trace"));
    }
}
