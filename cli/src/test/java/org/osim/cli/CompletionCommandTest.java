package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code osim completion}: the script, sourced in a real bash, completes commands, workloads and schedulers. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    /** What bash's completion offers for {@code line} (the word under the cursor last), with the script sourced. */
    private String complete(Path script, String... words) throws IOException, InterruptedException {
        String array = String.join(" ", words);
        String line = String.join(" ", words);
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_osim 2>/dev/null; "
                + "echo \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void bashCompletesCommandsWorkloadsAndSchedulers() throws Exception {
        Cli cli = Cli.run("completion", "bash");
        assertThat(cli.exit()).isZero();
        Path script = dir.resolve("osim.bash");
        Files.writeString(script, cli.out());
        assertThat(complete(script, "osim", "com")).isEqualTo("compare completion");
        assertThat(complete(script, "osim", "run", "fig-2-4")).isEqualTo("fig-2-41 fig-2-43-classes fig-2-44-user fig-2-44-kernel");
        assertThat(complete(script, "./osim", "compare", "mixed", "-s", "lot")).isEqualTo("lottery");
        assertThat(complete(script, "osim", "run", "fig-2-41", "--format", "h")).isEqualTo("html");
    }

    @Test
    void zshGetsTheSameScriptThroughBashCompletion() {
        String zsh = Cli.run("completion", "zsh").out();
        assertThat(zsh).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n");
        assertThat(zsh).endsWith(Cli.run("completion", "bash").out());
        assertThat(Cli.run("completion", "fish").err()).contains("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh]");
    }
}
