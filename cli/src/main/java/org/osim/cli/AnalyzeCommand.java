package org.osim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.workload.Workload;
import org.osim.workloads.Schedulability;
import org.osim.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osim analyze}: schedulability tests for a workload's real-time tasks, without simulating. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Schedulability tests for the workload's periodic and sporadic tasks: utilization, the Liu and "
                + "Layland bound, exact response-time analysis for rate and deadline monotonic, processor demand "
                + "for EDF; on several CPUs partitioned (first-fit decreasing) and global EDF. Exit code 0 either way.",
        footer = {"", "Example: osim analyze rt-book-example"})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "A standard workload's name or a workload file.")
    String workload;

    @Option(names = "--cpus", paramLabel = "N", description = "Number of CPUs (overrides the workload's machine).")
    Integer cpus;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--unit", defaultValue = "ms", description = "Time unit: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TimeUnitOption unit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        format.tableOrJson("analyze");
        Workload w = Workloads.load(workload, 1);
        var tasks = Schedulability.tasks(w);
        if (tasks.isEmpty()) {
            throw OsimException.badInput("workload '" + w.name() + "' has no periodic or sporadic tasks to analyze");
        }
        int m = cpus != null ? cpus : w.machine().cpus();
        if (m < 1) {
            throw OsimException.badInput("--cpus must be at least 1, got " + m);
        }
        Schedulability.Report report = Schedulability.analyze(tasks, m);
        String text = format == Format.json ? json(w, report) : table(w, report);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String table(Workload w, Schedulability.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(w.name()).append(" · ").append(r.tasks().size()).append(" real-time tasks on ").append(r.cpus())
                .append(r.cpus() == 1 ? " cpu" : " cpus").append(" · times in ").append(unit.name()).append("\n\n");
        TableReport.Table t = new TableReport.Table("task", "C", "T", "D", "C/T", "R (rm)", "R (dm)");
        for (int i = 0; i < r.tasks().size(); i++) {
            var task = r.tasks().get(i);
            t.add(task.name(), unit.text(task.wcet()), unit.text(task.period()), unit.text(task.deadline()),
                    TableReport.number(task.utilization()), response(r.rmResponse().get(i)), response(r.dmResponse().get(i)));
        }
        b.append(t.render()).append('\n');
        b.append("utilization Σ C/T = ").append(TableReport.number(r.utilization())).append('\n');
        for (Schedulability.Verdict v : r.verdicts()) {
            b.append(v.test()).append(": ").append(v.schedulable() ? "schedulable" : "NOT schedulable").append(" — ")
                    .append(v.reason()).append('\n');
        }
        b.append("(R: worst-case response time under that fixed-priority order; - means beyond the deadline)\n");
        return b.toString();
    }

    private String response(OptionalLong r) {
        return r.isPresent() ? unit.text(r.getAsLong()) : "-";
    }

    private String json(Workload w, Schedulability.Report r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("workload", w.name());
            g.writeNumberField("cpus", r.cpus());
            g.writeStringField("timeUnit", unit.name());
            g.writeNumberField("utilization", Math.round(r.utilization() * 1e6) / 1e6);
            g.writeBooleanField("schedulable", r.schedulable());
            g.writeArrayFieldStart("tasks");
            for (int i = 0; i < r.tasks().size(); i++) {
                var task = r.tasks().get(i);
                g.writeStartObject();
                g.writeStringField("name", task.name());
                g.writeNumberField("wcet", unit.of(task.wcet()));
                g.writeNumberField("period", unit.of(task.period()));
                g.writeNumberField("deadline", unit.of(task.deadline()));
                g.writeNumberField("utilization", Math.round(task.utilization() * 1e6) / 1e6);
                if (r.rmResponse().get(i).isPresent()) {
                    g.writeNumberField("responseRm", unit.of(r.rmResponse().get(i).getAsLong()));
                }
                if (r.dmResponse().get(i).isPresent()) {
                    g.writeNumberField("responseDm", unit.of(r.dmResponse().get(i).getAsLong()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tests");
            for (Schedulability.Verdict v : r.verdicts()) {
                g.writeStartObject();
                g.writeStringField("test", v.test());
                g.writeBooleanField("schedulable", v.schedulable());
                g.writeStringField("reason", v.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
