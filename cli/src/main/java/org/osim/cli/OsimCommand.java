package org.osim.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "osim", mixinStandardHelpOptions = true, version = "osim 0.1.0",
        description = "Simulates how an operating system runs processes and threads: CPU scheduling, "
                + "processes, threads and their metrics, the way the textbooks describe them.",
        subcommands = {RunCommand.class, CompareCommand.class, ExploreCommand.class, AnalyzeCommand.class, ListCommand.class, DescribeCommand.class,
                BenchCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad input, 3 a plugin failed, 1 any other failure.",
                "Examples:", "  osim compare fig-2-41 -s fcfs -s sjf", "  osim run convoy --scheduler rr --param quantum=10ms --gantt"})
final class OsimCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
