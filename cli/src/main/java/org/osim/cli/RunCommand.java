package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.kernel.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osim run}: one workload under one scheduler. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workload under one scheduler and report per-process metrics and the summary.",
        footer = {"", "Example: osim run fig-2-41 --scheduler sjf --gantt"})
final class RunCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    SimulationOptions sim;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME", completionCandidates = CompletionCommand.Schedulers.class,
            description = "The scheduling policy (see 'osim list schedulers'); parameters may follow a ':' as in rr:quantum=4ms.")
    String scheduler;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A scheduler parameter, e.g. quantum=4ms; may be repeated.")
    List<String> params = new ArrayList<>();

    @Option(names = "--slices", description = "Include the schedule as it ran (the 'slices' list) in JSON output.")
    boolean slices;

    @Option(names = "--gantt", description = "Draw the schedule as a text Gantt chart (after a table report).")
    boolean gantt;

    @Option(names = "--gantt-width", paramLabel = "COLUMNS", defaultValue = "80",
            description = "Width of the Gantt chart in columns, 20 to 1000 (default: ${DEFAULT-VALUE}).")
    int ganttWidth;

    @Option(names = "--schedule", paramLabel = "STEPS",
            description = "Replay an explicit interleaving, e.g. 'A:3 B:2 A:1' (A runs 3 instruction times, then B 2, "
                    + "then A 1), or per CPU 'cpu0 A:4 | cpu1 -:1 B:4', as a violation's schedule prints it; instead of --scheduler.")
    String schedule;

    @Option(names = "--trace", description = "Print every kernel event, stamped with simulated time, before the report.")
    boolean trace;

    @Mixin
    StudyOptions study;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (ganttWidth < 20 || ganttWidth > 1000) {
            throw org.osim.api.OsimException.badInput("--gantt-width must be from 20 to 1000, got " + ganttWidth);
        }
        if (scheduler != null) {
            scheduler = sim.plugins.scheduler(scheduler); // a source file: compiled now, its plugin wired with the others
        }
        java.util.function.Supplier<Osim> wiring = sim.plugins.osimInBackground();
        Workload w = PluginOptions.whileWiring(wiring, () -> {
            if (!sim.moreWorkloads.isEmpty()) {
                throw org.osim.api.OsimException.badInput("run takes one workload; compare runs several: got also "
                        + String.join(", ", sim.moreWorkloads));
            }
            return sim.loadWorkload();
        });
        Osim osim = wiring.get();
        if (scheduler == null && schedule == null && w.scheduler().isPresent()) {
            scheduler = w.scheduler().get(); // the policy the workload is meant to run under
        }
        if ((scheduler == null) == (schedule == null)) {
            throw org.osim.api.OsimException.badInput(scheduler == null
                    ? "give a scheduler (--scheduler NAME, see 'osim list schedulers') or an interleaving (--schedule 'A:3 B:2'); "
                            + "this workload names none"
                    : "--schedule replays an interleaving instead of a scheduler: give one of --scheduler and --schedule");
        }
        if (schedule != null) {
            scheduler = "scripted";
            params.add("schedule=" + schedule);
        }
        String name = scheduler;
        List<String> all = new ArrayList<>();
        int colon = scheduler.indexOf(':');
        if (colon >= 0) {
            name = scheduler.substring(0, colon);
            all.addAll(SimulationOptions.split(scheduler.substring(colon + 1)));
        }
        all.addAll(params);
        if (study.on()) {
            if (trace || gantt || slices || schedule != null || sim.traceOut != null) {
                throw org.osim.api.OsimException.badInput("--replications reports means over runs: leave out --trace, --trace-out, "
                        + "--gantt, --slices and --schedule");
            }
            return study(osim, w, name, SimulationOptions.pairs(all, "--param"));
        }
        Simulation.Builder b = sim.simulation(osim, w, name, SimulationOptions.pairs(all, "--param"),
                slices || gantt || sim.format == Format.moss); // MOSS's log is rebuilt from the schedule
        java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();
        boolean traced = trace && sim.format == Format.table;
        if (Progress.shown() && !traced) { // a trace on the terminal is progress enough
            b.countEnded(ended); // only then: the kernel counts nothing it is not asked to
        }
        Timeline timeline = sim.format.drawsSchedule() ? new Timeline() : null;
        if (timeline != null) {
            b.trace(timeline);
        }
        try (TraceOut drawing = sim.traceOut == null ? null : new TraceOut(sim.traceOut, 1, sim.about(List.of(w), List.of(scheduler)))) {
            if (drawing != null) {
                b.trace(drawing.part(0, ""));
            }
            RunResult r;
            if (traced) {
                r = runTraced(b, w);
            } else {
                try (Progress progress = Progress.of("run " + w.name(), "processes ended", w.processes().size(), ended)) {
                    r = sim.run(b); // the line is gone before the report is written
                } catch (org.osim.kernel.RunAborted aborted) {
                    // A plugin's fault stopped the run: what it did up to then is reported, then the fault (exit code 3).
                    report(aborted.partial(), w, timeline);
                    throw aborted;
                }
                report(r, w, timeline);
            }
            if (drawing != null) {
                drawing.finish(0, r);
                drawing.commit();
            }
        }
        return 0;
    }

    /** The trace goes out line by line as the run makes it (millions of lines are never held), the report after. */
    private RunResult runTraced(Simulation.Builder b, Workload w) {
        RunResult[] ran = new RunResult[1];
        Output.write(out -> {
            out.write(String.format("%12s  %s%n", "time (ms)", "event"));
            StringBuilder line = new StringBuilder(80);
            String newline = System.lineSeparator();
            b.trace(e -> {
                line.setLength(0);
                String time = SimTime.formatMillis(e.time());
                line.append("            ", 0, Math.max(0, 12 - time.length())).append(time).append("  ")
                        .append(e.describe()).append(newline);
                try {
                    out.append(line);
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            ran[0] = sim.run(b);
            out.write("\n" + TableReport.run(ran[0], sim.unit, SimulationOptions.parallelJobs(w)) + (gantt ? "\n" + GanttChart.render(ran[0], ganttWidth) : ""));
        }, sim.output, spec.commandLine().getOut());
        return ran[0];
    }

    private RunResult report(RunResult r, Workload w, Timeline timeline) {
        long t0 = System.nanoTime();
        if (timeline != null) {
            timeline.finish(r.endTime());
        }
        Output.Report report = switch (sim.format) {
            case html -> out -> HtmlReport.run(out, r, timeline, sim.unit, sim.command(spec));
            case svg -> out -> SvgGantt.document(out, timeline, r.endTime(), sim.unit, "Gantt chart: " + TableReport.label(r));
            case json -> out -> JsonReport.write(out, List.of(r), sim.unit, slices); // streamed: slices may be millions
            case csv -> out -> out.write(CsvReport.processes(List.of(r), sim.unit));
            case swf -> out -> SwfReport.write(out, List.of(r), List.of(w));
            case moss -> out -> MossReport.write(out, r, w);
            case table -> out -> out.write(TableReport.run(r, sim.unit, SimulationOptions.parallelJobs(w)) + (gantt ? "\n" + GanttChart.render(r, ganttWidth) : ""));
        };
        Output.write(report, sim.output, spec.commandLine().getOut());
        LOG.debug("report of {} processes written in {} ms", r.processes().size(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    /** {@code --replications N}: the workload drawn and run with each replication's seed, and the study of the runs. */
    private Integer study(Osim osim, Workload first, String name, java.util.Map<String, String> params) {
        List<Long> seeds = new ArrayList<>();
        List<List<org.osim.stats.Replication>> arms = study.run(sim.seed, seed -> List.of(sim.run(sim.simulation(osim,
                seed == sim.seed ? first : sim.loadWorkloads(seed).get(0), name, params, false, seed))), seeds);
        List<String> notes = new ArrayList<>();
        arms = study.prepare(arms, 1, notes);
        StudyReport.Design design = study.design(notes);
        List<org.osim.stats.Study> studies = List.of(org.osim.stats.Study.of(List.of(scheduler), arms, 0, study.confidence, seeds));
        Output.Report report = StudyReport.report(studies, sim.format, sim.unit, design);
        Output.write(report, sim.output, spec.commandLine().getOut());
        return 0;
    }
}
