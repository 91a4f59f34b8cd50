package org.osim.cli;

import java.io.PrintWriter;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import picocli.CommandLine;

/** Entry point of the {@code osim} command. Exit codes: 0 success, 2 bad input, 3 a plugin failed, 1 anything else. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        PluginOptions.startEarly(args);
        CommandLine cl = commandLine(out, err, args);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // What held the memory is unreachable now: there is room to say so in one line.
            err.println("osim: out of memory (" + e.getMessage() + "): the workload, or what the run keeps, does not fit in "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap; stop it earlier (--until, --max-events), "
                    + "or give the JVM more with OSIM_JAVA_OPTS=-Xmx8g");
            return ErrorCode.INTERNAL.exitCode();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line for {@code args}: a subcommand named first, other than {@code help}, is the only one whose
     * options are modelled (picocli reads every option of every command it is given, by reflection, at each start);
     * otherwise all of them, for the help and the errors that list them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new OsimCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean one = OsimCommand.SUBCOMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        OsimCommand.SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, command.get());
            }
        });
        org.osim.workloads.Importers.use(org.osim.kernel.plugin.PluginClassLoaders.over(PluginOptions.folders(args),
                Main.class.getClassLoader())); // importers in plugin folders too, before their options are made
        cl.getSubcommands().values().forEach(sub -> ImporterOptions.of(sub.getCommandSpec()) // the commands that read workloads
                .filter(importers -> !one || ImporterOptions.wanted(sub.getCommandSpec(), args))
                .ifPresent(importers -> importers.addTo(sub.getCommandSpec())));
        if (cl.getSubcommands().containsKey("ostep")) {
            cl.getSubcommands().get("ostep").setUnmatchedOptionsArePositionalParams(true); // the script's own flags
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof OsimException o) {
                line.getErr().println("osim: " + o.getMessage());
                return o.code().exitCode();
            }
            line.getErr().println("osim: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return ErrorCode.INTERNAL.exitCode();
        });
        return cl;
    }
}
