package org.osim.cli;

import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osim completion bash|zsh}: a completion script for the shell, made by picocli's generator from the whole
 * command line: commands, options, their choices, and the installed schedulers and standard workloads.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh: commands, options, scheduler and workload names.",
        footer = {"", "Use it with: source <(./osim completion bash)    (zsh: source <(./osim completion zsh))",
                "or save it: ./osim completion bash > ~/.local/share/bash-completion/completions/osim"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Shell { bash, zsh }

    @Override
    public Integer call() {
        picocli.CommandLine all = Main.commandLine(spec.commandLine().getOut(), spec.commandLine().getErr());
        // The launcher in a checkout is ./osim: complete that word too.
        String script = AutoComplete.bash("osim", all) + "complete -F _complete_osim -o default ./osim\n";
        if (shell == Shell.zsh) {
            // picocli's script runs in zsh through its bash-completion emulation.
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The installed schedulers' names, found only when a completion script is made (or a help lists them). */
    static final class Schedulers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return org.osim.kernel.Osim.create().plugins().schedulers().stream().map(f -> f.name()).sorted().iterator();
        }
    }

    /** The standard workloads' names. */
    static final class Workloads implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return org.osim.workloads.Workloads.standardNames().iterator();
        }
    }
}
