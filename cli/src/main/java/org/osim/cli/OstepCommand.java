package org.osim.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.importers.ostep.SchedulerHomework;
import org.osim.kernel.Osim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osim ostep SCRIPT FLAGS…}: an OSTEP homework simulator's workload, described with the script's own flags,
 * run under the matching osim policy. {@code --as-ostep} prints the final statistics in the script's layout, so that
 * answers compare line by line.
 */
@Command(name = "ostep", mixinStandardHelpOptions = true,
        description = "Run an OSTEP homework simulator's workload, given with the script's own flags, under the matching "
                + "osim policy: the same seed gives the same jobs (Python's random, reimplemented).",
        footer = {"", "Scripts:", "  scheduler  cpu-sched/scheduler.py: -s SEED -j JOBS -l LIST -m MAXLEN -p FIFO|SJF|RR -q QUANTUM -c",
                "", "Example:", "  osim ostep scheduler -p RR -q 1 -j 3 -m 10 -s 0 --as-ostep"})
final class OstepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The homework script: scheduler.")
    String script;

    @Parameters(index = "1..*", paramLabel = "FLAG", description = "The script's flags, as it takes them.")
    List<String> flags = new ArrayList<>();

    @Option(names = "--as-ostep", description = "Print the final statistics in the script's own layout.")
    boolean asOstep;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!script.equals("scheduler") && !script.equals("scheduler.py")) {
            throw OsimException.badInput("unknown OSTEP script '" + script + "' (known: scheduler)");
        }
        java.util.function.Supplier<Osim> wiring = plugins.osimInBackground();
        SchedulerHomework hw = PluginOptions.whileWiring(wiring, () -> SchedulerHomework.parse(flags));
        RunResult r = wiring.get().simulation(hw.workload()).scheduler(hw.scheduler(), hw.parameters()).run();
        Output.write(asOstep ? statistics(hw, r) : TableReport.run(r, TimeUnitOption.ms), null, spec.commandLine().getOut());
        return 0;
    }

    /**
     * The script's "Final statistics": a line per job (in execution order for FIFO and SJF, by id for RR), then the
     * means; numbers as Python's {@code %3.2f} prints them (correctly rounded, ties to even).
     */
    static String statistics(SchedulerHomework hw, RunResult r) {
        StringBuilder out = new StringBuilder("Final statistics:\n");
        double response = 0;
        double turnaround = 0;
        double wait = 0;
        List<Integer> order = hw.statisticsOrder();
        for (int k : order) {
            TaskResult t = r.process(String.valueOf(k)).orElseThrow();
            double rs = units(t.response().orElseThrow());
            double ta = units(t.turnaround().orElseThrow());
            double wt = units(t.waiting());
            response += rs;
            turnaround += ta;
            wait += wt;
            out.append(String.format(java.util.Locale.ROOT, "  Job %3d -- Response: %s  Turnaround %s  Wait %s%n", k, f2(rs), f2(ta), f2(wt)));
        }
        int n = order.size();
        out.append(String.format(java.util.Locale.ROOT, "%n  Average -- Response: %s  Turnaround %s  Wait %s%n%n", f2(response / n),
                f2(turnaround / n), f2(wait / n)));
        return out.toString();
    }

    private static double units(long nanos) {
        return nanos / 1e6;
    }

    /** Python's {@code '%3.2f' % x}. */
    static String f2(double x) {
        String s = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return s.length() >= 3 ? s : " ".repeat(3 - s.length()) + s;
    }
}
