package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osim.api.param.ParameterSpec;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Osim;
import org.osim.workloads.Workloads;

/** Every installed policy has its docs page, and the pages and index name what exists. */
class DocsTest {
    private static final Path DOCS = Path.of("../docs");

    @Test
    void everySchedulerHasAPageNamingEachParameter() throws IOException {
        String index = Files.readString(DOCS.resolve("schedulers.md"));
        for (SchedulerFactory f : Osim.create().plugins().schedulers()) {
            Path page = DOCS.resolve("schedulers/" + f.name() + ".md");
            assertThat(page).as("docs page of " + f.name()).exists();
            String text = Files.readString(page);
            for (ParameterSpec<?> p : f.parameters()) {
                assertThat(text).as(f.name() + " page names parameter " + p.name()).contains(p.name());
            }
            assertThat(index).contains("schedulers/" + f.name() + ".md");
        }
    }

    @Test
    void theReadmeAndTheWorkloadPageUseWorkloadsThatExist() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (String name : Workloads.standardNames()) {
            assertThat(Workloads.load(name, 1).name()).isEqualTo(name);
        }
        assertThat(readme).contains("fig-2-41", "convoy", "batch-mix", "interactive-mix");
    }

    @Test
    void aPolicyRefusingItsParametersIsBadInput() {
        Cli c = Cli.run("run", "fig-2-41", "-s", "mlfq:queues=2,quantum=10ms/20ms/40ms");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("osim: scheduler 'mlfq': quantum needs one value or one per level (2), got 3\n");
        Cli d = Cli.run("run", "fig-2-41", "-s", "priority:decay=1");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).isEqualTo("osim: scheduler 'priority': decay needs a clock tick (machine 'tick' or --tick)\n");
    }

    @Test
    void theReadmesPictureIsWhatOsimDrawsToday() throws IOException {
        Path picture = DOCS.resolve("images/fig-2-44-user.svg");
        Cli cli = Cli.run("run", "fig-2-44-user", "-s", "rr:quantum=50ms", "--format", "svg");
        assertThat(cli.out()).as("regenerate with: ./osim run fig-2-44-user -s rr:quantum=50ms --format svg -o docs/images/fig-2-44-user.svg")
                .isEqualTo(Files.readString(picture));
        assertThat(Files.readString(Path.of("../README.md"))).contains("](docs/images/fig-2-44-user.svg)");
    }
}
