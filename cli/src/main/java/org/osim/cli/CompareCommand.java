package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.kernel.Simulation;
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
                "         osim compare mm1 -s fcfs -s rr:quantum=100us -s srtn --replications 30   (docs/statistics.md)",
                "CSV output has one summary row per scheduler."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME[:K=V,K=V]", completionCandidates = CompletionCommand.Schedulers.class,
            description = "A scheduler to compare, with optional parameters, e.g. rr:quantum=4ms; repeat for each. "
                    + "Without one, each workload runs under the scheduler it names.")
    List<String> schedulers = new ArrayList<>();

    @Option(names = "--slices", description = "Include each run's schedule ('slices') in JSON output.")
    boolean slices;

    @Mixin
    StudyOptions study;

    @Option(names = "--baseline", paramLabel = "NAME[:K=V,K=V]",
            description = "With --replications: the scheduler (as given with -s) the others are compared with (default: the first).")
    String baseline;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        schedulers.replaceAll(sim.plugins::scheduler); // source files: compiled now, their plugins wired with the others
        java.util.function.Supplier<Osim> wiring = sim.plugins.osimInBackground();
        List<Workload> workloads = PluginOptions.whileWiring(wiring, sim::loadWorkloads);
        Osim osim = wiring.get();
        if (study.on()) {
            if (sim.traceOut != null) {
                throw org.osim.api.OsimException.badInput("--replications reports means over runs: leave out --trace-out, "
                        + "or draw one replication with --seed");
            }
            return study(osim, workloads);
        }
        if (baseline != null) {
            throw org.osim.api.OsimException.badInput("--baseline compares replications: use it with --replications N");
        }
        List<Workload> ran = new ArrayList<>(); // what each run ran
        List<String> under = new ArrayList<>(); // under which scheduler
        List<String> labels = new ArrayList<>();
        for (Workload w : workloads) {
            for (String s : schedulers.isEmpty() ? List.of(w.scheduler().orElseThrow(() -> org.osim.api.OsimException.badInput(
                    "give the schedulers to compare (-s NAME, repeated); workload " + w.name() + " names none"))) : schedulers) {
                ran.add(w);
                under.add(s);
                labels.add(workloads.size() > 1 ? w.name() + " " + s : s);
            }
        }
        if (sim.format == Format.svg) {
            throw org.osim.api.OsimException.badInput("--format svg draws the Gantt chart of one run: use it with osim run, "
                    + "or --format html for a page with every run's");
        }
        TraceOut drawing = sim.traceOut == null ? null : new TraceOut(sim.traceOut, labels.size(), sim.about(workloads, labels));
        List<Timeline> timelines = new ArrayList<>();
        org.osim.kernel.RunAborted[] aborted = new org.osim.kernel.RunAborted[ran.size()];
        Progress progress = Progress.of("compare", "runs", ran.size());
        List<java.util.concurrent.Callable<RunResult>> work = new ArrayList<>();
        for (int run = 0; run < ran.size(); run++) {
            int i = run;
            Timeline timeline = sim.format.drawsSchedule() ? new Timeline() : null;
            timelines.add(timeline);
            work.add(() -> {
                List<org.osim.api.trace.TraceListener> listeners = new ArrayList<>();
                if (timeline != null) {
                    listeners.add(timeline);
                }
                if (drawing != null) {
                    listeners.add(drawing.part(i, labels.get(i)));
                }
                RunResult r;
                try {
                    r = run(osim, ran.get(i), under.get(i), sim.seed, listeners);
                } catch (org.osim.kernel.RunAborted a) {
                    aborted[i] = a; // a plugin's fault stopped this run: the others go on, and its part is reported
                    r = a.partial();
                }
                if (timeline != null) {
                    timeline.finish(r.endTime());
                }
                if (drawing != null) {
                    drawing.finish(i, r);
                }
                progress.step();
                return r;
            });
        }
        // Each run single-threaded as always, several at once (--jobs): the report is the same bytes.
        List<RunResult> runs;
        try (drawing; progress) {
            runs = Parallel.inOrder(work, Parallel.workers(study.jobs));
            if (drawing != null && java.util.Arrays.stream(aborted).allMatch(java.util.Objects::isNull)) {
                drawing.commit(); // a run that failed leaves no trace file
            }
        }
        Output.Report report = switch (sim.format) {
            case json -> out -> JsonReport.write(out, runs, sim.unit, slices); // streamed: slices may be millions
            case csv -> out -> out.write(CsvReport.summaries(runs, sim.unit));
            case swf -> out -> SwfReport.write(out, runs, ran);
            case moss -> throw org.osim.api.OsimException.badInput("--format moss reports one run: use it with osim run");
            case html -> out -> HtmlReport.compare(out, runs, labels, timelines, sim.unit, sim.command(spec));
            case svg -> throw new IllegalStateException("refused above");
            case table -> out -> out.write(TableReport.compare(runs, labels, sim.unit, workloads.stream().anyMatch(SimulationOptions::parallelJobs)));
        };
        Output.write(report, sim.output, spec.commandLine().getOut());
        for (org.osim.kernel.RunAborted a : aborted) {
            if (a != null) {
                throw a; // the first fault, in the order of the runs, after the report of what every run did
            }
        }
        return 0;
    }

    /** {@code w} under {@code s}, its events also to {@code listeners} (a picture's, a trace file's). */
    private RunResult run(Osim osim, Workload w, String s, long seed, List<org.osim.api.trace.TraceListener> listeners) {
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        List<String> params = colon < 0 ? List.of() : SimulationOptions.split(s.substring(colon + 1));
        Simulation.Builder b = sim.simulation(osim, w, name, SimulationOptions.pairs(params, "-s " + s), slices, seed);
        listeners.forEach(b::trace);
        return sim.run(b);
    }

    /**
     * {@code --replications N}: every workload under every scheduler in each replication, the replication's seed drawing
     * the workload's processes and seeding the run, so that the schedulers of one replication see the same arrivals and
     * service times (common random numbers); then a study per workload.
     */
    private Integer study(Osim osim, List<Workload> first) {
        if (schedulers.isEmpty()) {
            throw org.osim.api.OsimException.badInput("--replications compares schedulers: give them with -s NAME, repeated");
        }
        int base = baseline == null ? 0 : schedulers.indexOf(baseline);
        if (base < 0) {
            throw org.osim.api.OsimException.badInput("--baseline " + baseline + " is none of the schedulers compared ("
                    + String.join(", ", schedulers) + ")");
        }
        List<Long> seeds = new ArrayList<>();
        // One replication runs every workload under every scheduler; its arms in that order, then split by workload.
        List<List<org.osim.stats.Replication>> arms = study.run(sim.seed, seed -> {
            List<Workload> workloads = seed == sim.seed ? first : sim.loadWorkloads(seed);
            List<RunResult> out = new ArrayList<>();
            for (Workload w : workloads) {
                for (String s : schedulers) {
                    out.add(run(osim, w, s, seed, List.of()));
                }
            }
            return out;
        }, seeds);
        List<String> notes = new ArrayList<>();
        arms = study.prepare(arms, schedulers.size(), notes);
        StudyReport.Design design = study.design(notes);
        List<org.osim.stats.Study> studies = new ArrayList<>();
        for (int wi = 0; wi < first.size(); wi++) {
            studies.add(org.osim.stats.Study.of(schedulers, arms.subList(wi * schedulers.size(), (wi + 1) * schedulers.size()), base,
                    study.confidence, seeds));
        }
        Output.Report report = StudyReport.report(studies, sim.format, sim.unit, design);
        Output.write(report, sim.output, spec.commandLine().getOut());
        return 0;
    }
}
