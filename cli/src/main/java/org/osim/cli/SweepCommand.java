package org.osim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.stats.Replication;
import org.osim.stats.Study;
import org.osim.stats.SummaryMetric;
import org.osim.workloads.SweepSpec;
import org.osim.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osim sweep SPEC.yaml}: a grid of workloads × parameter values × schedulers × replications, run on every core,
 * reported as a tidy table (a row per run) and a study per cell (docs/statistics.md).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid (workloads × parameter values × schedulers × replications, from a sweep file) on every core; "
                + "print a study per cell, or with --format csv a row per run.",
        footer = {"", "Example: osim sweep examples/sweeps/load-levels.yaml --format csv -o runs.csv"})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The sweep file (YAML; see docs/statistics.md).")
    Path file;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at once (default: one per core); the output is the same whatever N is.")
    Integer jobs;

    @Option(names = "--format", defaultValue = "table",
            description = "table (a study per cell), csv (a row per run) or json (both) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--unit", defaultValue = "ms", description = "Time unit of the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TimeUnitOption unit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One run of the grid: what the study keeps of it, or why it failed. */
    record Run(String workload, Map<String, String> cell, String scheduler, int replication, long seed,
               Optional<Replication> result, Optional<String> error) {}

    @Override
    public Integer call() throws IOException {
        if (jobs != null && (jobs < 1 || jobs > 1024)) {
            throw OsimException.badInput("--jobs takes 1 to 1,024, got " + jobs);
        }
        if (format != Format.table && format != Format.csv && format != Format.json) {
            throw OsimException.badInput("--format for a sweep is table, csv or json, got " + format);
        }
        if (!Files.isRegularFile(file)) {
            throw OsimException.badInput("no sweep file " + file);
        }
        java.util.function.Supplier<Osim> wiring = plugins.osimInBackground();
        SweepSpec sweep = PluginOptions.whileWiring(wiring, () -> {
            try {
                return SweepSpec.parse(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw OsimException.badInput("cannot read " + file + ": " + e.getMessage());
            }
        });
        Osim osim = wiring.get();
        List<Map<String, String>> params = new ArrayList<>();
        for (SweepSpec.Item s : sweep.schedulers()) {
            params.add(checked(osim, s));
        }
        List<Map<String, String>> cells = sweep.cells();
        List<Long> seeds = new ArrayList<>();
        // A replication is every workload, cell and scheduler with its seed; a run that fails is kept with its error.
        List<List<Run>> arms = new Replicator(jobs).run(sweep.seed(), sweep.replications(), (replication, seed) -> {
            List<Run> out = new ArrayList<>();
            for (SweepSpec.Item w : sweep.workloads()) {
                for (Map<String, String> cell : cells) {
                    Workload loaded = Workloads.load(w.value(), seed, cell);
                    for (int si = 0; si < sweep.schedulers().size(); si++) {
                        out.add(run(osim, loaded, cell, sweep.schedulers().get(si).value(), params.get(si), replication, seed));
                    }
                }
            }
            return out;
        }, done -> false, seeds);
        List<Study> studies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> labels = sweep.schedulers().stream().map(SweepSpec.Item::value).toList();
        int baseline = sweep.baseline().map(b -> labels.indexOf(b.value())).orElse(0);
        for (int c = 0; c < arms.size(); c += labels.size()) {
            List<List<Replication>> cell = new ArrayList<>();
            boolean failed = false;
            for (List<Run> arm : arms.subList(c, c + labels.size())) {
                for (Run r : arm) {
                    r.error().ifPresent(e -> failures.add(r.workload() + " " + r.scheduler() + " replication " + r.replication()
                            + " (seed " + r.seed() + "): " + e));
                    failed |= r.error().isPresent();
                }
                cell.add(arm.stream().flatMap(r -> r.result().stream()).toList());
            }
            if (!failed) {
                studies.add(Study.of(labels, cell, baseline, sweep.confidence(), seeds));
            }
        }
        List<Run> rows = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            for (List<Run> arm : arms) {
                rows.add(arm.get(k));
            }
        }
        Output.Report report = switch (format) {
            case csv -> out -> out.write(csv(sweep, rows));
            case json -> out -> json(out, sweep, rows, studies, failures);
            default -> out -> out.write(StudyReport.table(studies, unit, StudyReport.Design.REPLICATIONS) + (failures.isEmpty() ? ""
                    : "\n" + failures.size() + " run(s) failed; their cells have no study:\n  " + String.join("\n  ", failures) + "\n"));
        };
        Output.write(report, output, spec.commandLine().getOut());
        return failures.isEmpty() ? 0 : 1;
    }

    /** The scheduler as written exists and takes its parameters; else the error is at the item. */
    private static Map<String, String> checked(Osim osim, SweepSpec.Item s) {
        int colon = s.value().indexOf(':');
        String name = colon < 0 ? s.value() : s.value().substring(0, colon);
        try {
            Map<String, String> p = SimulationOptions.pairs(colon < 0 ? List.of() : SimulationOptions.split(s.value().substring(colon + 1)),
                    "scheduler " + s.value());
            var factory = osim.scheduler(name);
            org.osim.api.param.Parameters.resolve("scheduler '" + name + "'", factory.parameters(), p);
            return p;
        } catch (OsimException | IllegalArgumentException e) {
            throw OsimException.badInput(s.at(), e.getMessage());
        }
    }

    private static Run run(Osim osim, Workload w, Map<String, String> cell, String scheduler, Map<String, String> params,
                           int replication, long seed) {
        String name = scheduler.contains(":") ? scheduler.substring(0, scheduler.indexOf(':')) : scheduler;
        try {
            Replication r = Replication.of(osim.simulation(w).seed(seed).scheduler(name, params).run());
            return new Run(w.name(), cell, scheduler, replication, seed, Optional.of(r), Optional.empty());
        } catch (RuntimeException e) { // a plugin fault, a watchdog, a limit: this run's row says so, the others go on
            return new Run(w.name(), cell, scheduler, replication, seed, Optional.empty(),
                    Optional.of(String.valueOf(e.getMessage())));
        }
    }

    private String csv(SweepSpec sweep, List<Run> rows) {
        List<String> names = new ArrayList<>(sweep.set().keySet());
        names.addAll(sweep.vary().keySet());
        StringBuilder b = new StringBuilder("sweep,workload");
        names.forEach(n -> b.append(',').append(CsvReport.quote(n)));
        b.append(",scheduler,replication,seed,status");
        SummaryMetric.STANDARD.forEach(m -> b.append(',').append(m.name()));
        b.append(",error\n");
        for (Run r : rows) {
            b.append(CsvReport.quote(sweep.name())).append(',').append(CsvReport.quote(r.workload()));
            names.forEach(n -> b.append(',').append(CsvReport.quote(r.cell().get(n))));
            b.append(',').append(CsvReport.quote(r.scheduler())).append(',').append(r.replication()).append(',').append(r.seed())
                    .append(',').append(r.error().isPresent() ? "failed" : "ok");
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                b.append(',').append(r.result().map(x -> String.valueOf(StudyReport.scaled(m, m.of(x), unit))).orElse(""));
            }
            b.append(',').append(CsvReport.quote(r.error().orElse(""))).append('\n');
        }
        return b.toString();
    }

    private void json(java.io.Writer out, SweepSpec sweep, List<Run> rows, List<Study> studies, List<String> failures) throws IOException {
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            g.writeStringField("sweep", sweep.name());
            g.writeStringField("timeUnit", unit.name());
            g.writeNumberField("runs", rows.size());
            g.writeNumberField("failed", failures.size());
            g.writeArrayFieldStart("rows");
            for (Run r : rows) {
                g.writeStartObject();
                g.writeStringField("workload", r.workload());
                g.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> e : r.cell().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeStringField("scheduler", r.scheduler());
                g.writeNumberField("replication", r.replication());
                g.writeNumberField("seed", r.seed());
                if (r.result().isPresent()) {
                    for (SummaryMetric m : SummaryMetric.STANDARD) {
                        g.writeNumberField(m.name(), StudyReport.scaled(m, m.of(r.result().get()), unit));
                    }
                } else {
                    g.writeStringField("error", r.error().orElse(""));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            StudyReport.studies(g, studies, unit);
            g.writeEndObject();
        }
    }
}
