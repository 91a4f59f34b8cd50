package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.importers.ostep.Homework;
import org.osim.importers.ostep.LotteryHomework;
import org.osim.importers.ostep.MlfqHomework;
import org.osim.importers.ostep.ProcessRunHomework;
import org.osim.importers.ostep.SchedulerHomework;
import org.osim.importers.ostep.X86Homework;
import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;
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
                "  mlfq       cpu-sched-mlfq/mlfq.py: -s -n -q -a -Q -A -j -m -M -B -i -S -I -l -c",
                "  lottery    cpu-sched-lottery/lottery.py: -s -j -l -m -T -q -c",
                "  process-run  cpu-intro/process-run.py: -s -l X:Y,... -P c3,i:c2 -L -S SWITCH_ON_IO|SWITCH_ON_END -I IO_RUN_LATER|IO_RUN_IMMEDIATE -c -p",
                "  x86        threads-locks/x86.py: -p FILE.s -t -i -r -s -a ax=1:bx=2,... -L -m -M -R -C -S -c -P 0011 -H",
                "  x86-intro  threads-intro/x86.py: the same without -P and -H, with its own quirks",
                "", "Example:", "  osim ostep scheduler -p RR -q 1 -j 3 -m 10 -s 0 --as-ostep"})
final class OstepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The homework script: scheduler, mlfq, lottery, process-run, x86 or x86-intro.")
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
        String name = script.endsWith(".py") ? script.substring(0, script.length() - 3) : script;
        java.util.function.Function<List<String>, Homework> reader = switch (name) {
            case "scheduler" -> SchedulerHomework::parse;
            case "mlfq" -> MlfqHomework::parse;
            case "lottery" -> LotteryHomework::parse;
            case "process-run" -> ProcessRunHomework::parse;
            case "x86" -> args -> X86Homework.parse(args, true);
            case "x86-intro" -> args -> X86Homework.parse(args, false);
            default -> throw OsimException.badInput("unknown OSTEP script '" + script
                    + "' (known: scheduler, mlfq, lottery, process-run, x86, x86-intro)");
        };
        java.util.function.Supplier<Osim> wiring = plugins.osimInBackground();
        Homework hw = PluginOptions.whileWiring(wiring, () -> reader.apply(flags));
        List<TraceEvent> trace = new ArrayList<>();
        var simulation = wiring.get().simulation(hw.workload()).scheduler(hw.scheduler(), hw.parameters()).recordSlices(asOstep);
        if (asOstep && hw.tracesInstructions()) {
            simulation.trace(new TraceListener() {
                @Override
                public void on(TraceEvent event) {
                    trace.add(event);
                }

                @Override
                public boolean instructions() {
                    return true;
                }
            });
        }
        RunResult r = simulation.run();
        Output.write(asOstep ? hw.finalStatistics(r, trace) : TableReport.run(r, TimeUnitOption.ms), null, spec.commandLine().getOut());
        return 0;
    }
}
