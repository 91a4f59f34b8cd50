package org.osim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command. */
@Command(name = "osim", mixinStandardHelpOptions = true, version = "osim 0.1.0",
        description = "Simulates how an operating system runs processes and threads: CPU scheduling, "
                + "processes, threads and their metrics, the way the textbooks describe them.",
        footer = {"", "Exit codes: 0 success, 2 bad input, 3 a plugin failed, 1 any other failure.",
                "Examples:", "  osim compare fig-2-41 -s fcfs -s sjf", "  osim run convoy --scheduler rr --param quantum=10ms --gantt"})
final class OsimCommand implements Runnable {
    /** The subcommands, in the order the help lists them (Main adds them: only the one run, when that is all it needs). */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("explore", ExploreCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("list", ListCommand::new);
        m.put("describe", DescribeCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("ostep", OstepCommand::new);
        m.put("import", ImportCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", picocli.CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** -v shows the kernel's decisions at debug level on standard error, -vv at trace level (every dispatch). */
    @Option(names = "-v", scope = ScopeType.INHERIT,
            description = "Verbose: log plugin discovery, wiring and the run on standard error (-vv: every kernel decision).")
    void verbose(boolean[] v) {
        Logging.level(v.length >= 2 ? "trace" : "debug");
    }

    @Option(names = "--quiet", scope = ScopeType.INHERIT, // no -q: the OSTEP scripts' own flags use it
            description = "No progress line on standard error (shown for work of more than a second when it is a terminal).")
    void quiet(boolean q) {
        Progress.quiet(q);
    }

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log level on standard error: ${COMPLETION-CANDIDATES} (default: warn).")
    void logLevel(Logging.Level level) {
        Logging.level(level.name());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
