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
import org.osim.kernel.Osim;
import org.osim.stats.Replication;
import org.osim.stats.Study;
import org.osim.stats.SummaryMetric;
import org.osim.workloads.SweepSpec;
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

    @Option(names = "--engine", defaultValue = "local",
            description = "Where the runs go: local (this machine's cores) or spark (Apache Spark; see docs/sweeps.md) "
                    + "(default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: local[*], local[2], spark://host:7077, yarn, k8s://… (default: Spark's own, as "
                    + "spark-submit sets it, else local[*]).")
    String master;

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

    @Override
    public Integer call() throws IOException {
        if (jobs != null && (jobs < 1 || jobs > 1024)) {
            throw OsimException.badInput("--jobs takes 1 to 1,024, got " + jobs);
        }
        if (format != Format.table && format != Format.csv && format != Format.json && format != Format.html) {
            throw OsimException.badInput("--format for a sweep is table, csv, json or html, got " + format);
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
        boolean parquet = output != null && output.toString().endsWith(".parquet");
        if (parquet && !engine.equals("spark")) {
            throw OsimException.badInput("-o " + output + ": Parquet is written by --engine spark; the local engine writes csv or json");
        }
        // Replication by replication, every workload, cell and scheduler: the order of the tidy table's rows.
        List<String> folders = PluginOptions.folders(plugins.plugins).stream().map(Path::toString).toList();
        List<SweepTask> tasks = new ArrayList<>();
        for (int k = 1; k <= sweep.replications(); k++) {
            long seed = org.osim.stats.ReplicationSeeds.seed(sweep.seed(), k);
            for (SweepSpec.Item w : sweep.workloads()) {
                for (Map<String, String> cell : cells) {
                    for (int si = 0; si < sweep.schedulers().size(); si++) {
                        tasks.add(new SweepTask(w.value(), cell, sweep.schedulers().get(si).value(), params.get(si), k, seed, folders));
                    }
                }
            }
        }
        List<SweepOutcome> rows = engine(osim).run(sweep.name(), tasks, Optional.ofNullable(master),
                parquet ? Optional.of(output) : Optional.empty());
        int arms = tasks.size() / sweep.replications();
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < sweep.replications(); k++) {
            seeds.add(rows.get(k * arms).task().seed());
        }
        List<Study> studies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        rows.forEach(r -> r.error().ifPresent(e -> failures.add(r.workloadName() + " " + r.task().scheduler() + " replication "
                + r.task().replication() + " (seed " + r.task().seed() + "): " + e)));
        List<String> labels = sweep.schedulers().stream().map(SweepSpec.Item::value).toList();
        int baseline = sweep.baseline().map(b -> labels.indexOf(b.value())).orElse(0);
        for (int c = 0; c < arms; c += labels.size()) {
            List<List<Replication>> cell = new ArrayList<>();
            boolean failed = false;
            for (int a = c; a < c + labels.size(); a++) {
                List<Replication> arm = new ArrayList<>();
                for (int k = 0; k < sweep.replications(); k++) {
                    SweepOutcome o = rows.get(k * arms + a);
                    failed |= o.error().isPresent();
                    o.result().ifPresent(arm::add);
                }
                cell.add(arm);
            }
            if (!failed) {
                studies.add(Study.of(labels, cell, baseline, sweep.confidence(), seeds));
            }
        }
        if (parquet) {
            spec.commandLine().getOut().println("wrote " + rows.size() + " rows to " + output + (failures.isEmpty() ? ""
                    : "; " + failures.size() + " run(s) failed"));
            return failures.isEmpty() ? 0 : 1;
        }
        Output.Report report = switch (format) {
            case csv -> out -> out.write(csv(sweep, rows));
            case json -> out -> json(out, sweep, rows, studies, failures);
            // A page with a section per cell; a failed run's cell has none, and the page says which failed.
            case html -> out -> HtmlReport.study(out, studies, unit, new StudyReport.Design(Double.NaN, false,
                    failures.stream().map(f -> "failed: " + f).toList()));
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

    /** The engine {@code --engine} names: local is built in, others come from the class path. */
    private SweepEngine engine(Osim osim) {
        if (engine.equals("local")) {
            return new LocalSweepEngine(jobs);
        }
        for (SweepEngine e : java.util.ServiceLoader.load(SweepEngine.class)) {
            if (e.name().equals(engine)) {
                return e;
            }
        }
        throw OsimException.badInput("no sweep engine '" + engine + "' (local is built in" + (engine.equals("spark")
                ? "; spark comes with the sweep-spark module, which ./osim puts on the class path for --engine spark)" : ")"));
    }

    private String csv(SweepSpec sweep, List<SweepOutcome> rows) {
        List<String> names = new ArrayList<>(sweep.set().keySet());
        names.addAll(sweep.vary().keySet());
        StringBuilder b = new StringBuilder("sweep,workload");
        names.forEach(n -> b.append(',').append(CsvReport.quote(n)));
        b.append(",scheduler,replication,seed,status");
        SummaryMetric.STANDARD.forEach(m -> b.append(',').append(m.name()));
        b.append(",error\n");
        for (SweepOutcome r : rows) {
            b.append(CsvReport.quote(sweep.name())).append(',').append(CsvReport.quote(r.workloadName()));
            names.forEach(n -> b.append(',').append(CsvReport.quote(r.task().cell().get(n))));
            b.append(',').append(CsvReport.quote(r.task().scheduler())).append(',').append(r.task().replication()).append(',')
                    .append(r.task().seed())
                    .append(',').append(r.error().isPresent() ? "failed" : "ok");
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                b.append(',').append(r.result().map(x -> String.valueOf(StudyReport.scaled(m, m.of(x), unit))).orElse(""));
            }
            b.append(',').append(CsvReport.quote(r.error().orElse(""))).append('\n');
        }
        return b.toString();
    }

    private void json(java.io.Writer out, SweepSpec sweep, List<SweepOutcome> rows, List<Study> studies, List<String> failures)
            throws IOException {
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            g.writeStringField("sweep", sweep.name());
            g.writeStringField("timeUnit", unit.name());
            g.writeNumberField("runs", rows.size());
            g.writeNumberField("failed", failures.size());
            g.writeArrayFieldStart("rows");
            for (SweepOutcome r : rows) {
                g.writeStartObject();
                g.writeStringField("workload", r.workloadName());
                g.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.task().cell()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeStringField("scheduler", r.task().scheduler());
                g.writeNumberField("replication", r.task().replication());
                g.writeNumberField("seed", r.task().seed());
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
