package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osim compare}: one workload under several schedulers, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a workload under several schedulers (same seed, same machine) and compare them in one table; "
                + "with several workloads, each runs under every scheduler.",
        footer = {"", "Example: osim compare fig-2-41 -s fcfs -s sjf -s rr:quantum=4ms --format json",
                "         osim compare fig-2-10-threads fig-2-10-single fig-2-10-fsm -s rr",
                "CSV output has one summary row per scheduler."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME[:K=V,K=V]",
            description = "A scheduler to compare, with optional parameters, e.g. rr:quantum=4ms; repeat for each. "
                    + "Without one, each workload runs under the scheduler it names.")
    List<String> schedulers = new ArrayList<>();

    @Option(names = "--slices", description = "Include each run's schedule ('slices') in JSON output.")
    boolean slices;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.util.function.Supplier<Osim> wiring = sim.plugins.osimInBackground();
        List<Workload> workloads = PluginOptions.whileWiring(wiring, sim::loadWorkloads);
        Osim osim = wiring.get();
        List<RunResult> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Workload> ran = new ArrayList<>(); // what each run ran
        for (Workload w : workloads) {
            List<String> under = schedulers;
            if (under.isEmpty()) {
                under = List.of(w.scheduler().orElseThrow(() -> org.osim.api.OsimException.badInput(
                        "give the schedulers to compare (-s NAME, repeated); workload " + w.name() + " names none")));
            }
            for (String s : under) {
                int colon = s.indexOf(':');
                String name = colon < 0 ? s : s.substring(0, colon);
                List<String> params = colon < 0 ? List.of() : SimulationOptions.split(s.substring(colon + 1));
                runs.add(sim.simulation(osim, w, name, SimulationOptions.pairs(params, "-s " + s), slices).run());
                labels.add(workloads.size() > 1 ? w.name() + " " + s : s);
                ran.add(w);
            }
        }
        Output.Report report = switch (sim.format) {
            case json -> out -> JsonReport.write(out, runs, sim.unit, slices); // streamed: slices may be millions
            case csv -> out -> out.write(CsvReport.summaries(runs, sim.unit));
            case swf -> out -> SwfReport.write(out, runs, ran);
            case moss -> throw org.osim.api.OsimException.badInput("--format moss reports one run: use it with osim run");
            case table -> out -> out.write(TableReport.compare(runs, labels, sim.unit, workloads.stream().anyMatch(SimulationOptions::parallelJobs)));
        };
        Output.write(report, sim.output, spec.commandLine().getOut());
        return 0;
    }
}
