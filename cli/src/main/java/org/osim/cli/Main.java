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
        CommandLine cl = commandLine(out, err);
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
        CommandLine cl = new CommandLine(new OsimCommand());
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
