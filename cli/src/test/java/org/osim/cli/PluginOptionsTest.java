package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The default plugins are wired from the command line's start, unless the log or other plugins say otherwise. */
class PluginOptionsTest {
    @Test
    void theDefaultPluginsAreWiredFromTheStartAndTakenOnce() {
        PluginOptions.startEarly(new String[] {"run", "fig-2-41", "-s", "fcfs"});
        assertThat(PluginOptions.wiringEarly()).isTrue();
        assertThat(new PluginOptions().osimInBackground().get().plugins().schedulers()).hasSize(30);
        assertThat(PluginOptions.wiringEarly()).isFalse(); // taken: the next command wires its own
        assertThat(new PluginOptions().osimInBackground().get().plugins().schedulers()).hasSize(30);
    }

    @Test
    void notWithDebugLoggingNorWithPluginFoldersOfItsOwn() {
        for (String[] args : new String[][] {{"-v", "run", "x"}, {"run", "x", "-vv"}, {"--log-level", "debug", "run", "x"},
                {"run", "x", "--plugins", "dir"}, {"run", "x", "--plugins=dir"}, {"bench", "engine"}, {"--version"}, {}}) {
            PluginOptions.startEarly(args);
            assertThat(PluginOptions.wiringEarly()).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void aCommandWithPluginFoldersOfItsOwnDoesNotTakeTheDefaultOnes() {
        PluginOptions.startEarly(new String[] {"list", "schedulers"});
        PluginOptions own = new PluginOptions();
        own.plugins.add(Path.of("no-such-folder"));
        assertThat(own.osimInBackground().get().plugins().schedulers()).hasSize(30);
        assertThat(PluginOptions.wiringEarly()).isFalse();
    }
}
