package org.osim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Violation;
import org.osim.stats.Estimate;
import org.osim.stats.PairedDifference;
import org.osim.stats.Replication;
import org.osim.stats.Study;
import org.osim.stats.SummaryMetric;

/**
 * {@code --format html}: a run or a comparison as one self-contained page (its script and style sheet inline, no
 * network access, opens from {@code file://}): the run's header and summary, a Gantt chart and thread timeline to hover,
 * zoom and pan, tables to sort, and for a comparison a bar chart per metric and the distribution of response and
 * turnaround times per policy (docs/reports.md).
 */
final class HtmlReport {
    private HtmlReport() {}

    /** One run: {@code timeline} is what it drew; {@code command} replays it. */
    static void run(Writer out, RunResult r, Timeline timeline, TimeUnitOption unit, String command) {
        Markup m = page(out, r.workload() + " · " + r.scheduler());
        m.element("h1", r.workload() + " under " + r.scheduler());
        header(m, r, unit, command, true);
        summary(m, List.of(r), List.of(TableReport.label(r)), unit);
        violations(m, r, command);
        m.element("h2", "Schedule");
        gantt(m, timeline, r, unit);
        m.element("h2", "Processes");
        processes(m, r, unit);
        end(m);
    }

    /** Several runs side by side, labelled as the command line named their policies. */
    static void compare(Writer out, List<RunResult> runs, List<String> labels, List<Timeline> timelines, TimeUnitOption unit,
                        String command) {
        RunResult first = runs.get(0);
        Markup m = page(out, "comparison · " + first.workload());
        m.element("h1", "Comparison: " + String.join(", ", labels));
        header(m, first, unit, command, false);
        summary(m, runs, labels, unit);
        m.element("h2", "Summary metrics");
        m.open("div", "class", "charts");
        for (SummaryMetric metric : SummaryMetric.STANDARD) {
            double[] values = runs.stream().mapToDouble(r -> metric.value().applyAsDouble(r.summary())).toArray();
            SvgCharts.bars(m, metric.label() + (metric.time() ? " (" + unit.name() + ")" : ""), labels, scaled(values, metric, unit),
                    null, v -> TableReport.number(v));
        }
        m.close();
        distributions(m, labels, runs.stream().map(r -> times(r, true)).toList(), runs.stream().map(r -> times(r, false)).toList(), unit);
        for (int i = 0; i < runs.size(); i++) {
            m.open("details", "class", "run").element("summary", "Schedule under " + labels.get(i));
            violations(m, runs.get(i), command);
            gantt(m, timelines.get(i), runs.get(i), unit);
            m.close();
        }
        end(m);
    }

    /** Comparisons over replications: means with their intervals, paired differences and their verdicts. */
    static void study(Writer out, List<Study> studies, TimeUnitOption unit, StudyReport.Design design) {
        Markup m = page(out, "study");
        for (Study s : studies) {
            List<String> labels = s.arms().stream().map(Study.Arm::label).toList();
            Replication any = s.arms().get(0).runs().get(0);
            m.element("h1", any.workload() + ": " + String.join(", ", labels));
            m.open("dl", "class", "header");
            item(m, design.batches() ? "batches" : "replications", design.batches() ? s.replications() + " batch means of one run"
                    : s.replications() + ", each with its own seed, derived from the base seed as docs/statistics.md says");
            item(m, "confidence", Markup.number(s.confidence() * 100) + "% Student-t intervals");
            item(m, "baseline", labels.get(s.baseline()));
            for (String note : design.notes()) {
                item(m, "note", note);
            }
            m.close();
            m.open("table", "class", "sortable summary").open("thead").open("tr").element("th", "policy");
            for (SummaryMetric metric : SummaryMetric.STANDARD) {
                m.element("th", metric.label() + (metric.time() ? " (" + unit.name() + ")" : ""));
            }
            m.close().close().open("tbody");
            for (Study.Arm arm : s.arms()) {
                m.open("tr").element("td", arm.label());
                for (SummaryMetric metric : SummaryMetric.STANDARD) {
                    Estimate e = arm.estimates().get(metric.name());
                    m.element("td", value(e.mean(), metric, unit) + " ± " + value(e.halfWidth(), metric, unit), "data-sort",
                            Double.toString(e.mean()));
                }
                m.close();
            }
            m.close().close();
            m.element("h2", "Against " + labels.get(s.baseline()) + " (paired, Holm-corrected)");
            m.open("table", "class", "sortable differences").open("thead").open("tr");
            for (String h : List.of("policy", "metric", "difference", "adjusted p", "verdict")) {
                m.element("th", h);
            }
            m.close().close().open("tbody");
            for (Study.Arm arm : s.arms()) {
                for (PairedDifference d : arm.differences()) {
                    m.open("tr").element("td", arm.label()).element("td", d.metric().label())
                            .element("td", value(d.difference().mean(), d.metric(), unit) + " ± " + value(d.difference().halfWidth(), d.metric(), unit),
                                    "data-sort", Double.toString(d.difference().mean()))
                            .element("td", TableReport.number(d.adjustedP()))
                            .element("td", d.verdict().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), "class",
                                    "verdict " + d.verdict().name().toLowerCase(java.util.Locale.ROOT)).close();
                }
            }
            m.close().close();
            m.element("h2", "Summary metrics, with " + Markup.number(s.confidence() * 100) + "% intervals");
            m.open("div", "class", "charts");
            for (SummaryMetric metric : SummaryMetric.STANDARD) {
                double[] means = s.arms().stream().mapToDouble(a -> a.estimates().get(metric.name()).mean()).toArray();
                double[] halves = s.arms().stream().mapToDouble(a -> a.estimates().get(metric.name()).halfWidth()).toArray();
                SvgCharts.bars(m, metric.label() + (metric.time() ? " (" + unit.name() + ")" : ""), labels, scaled(means, metric, unit),
                        scaled(halves, metric, unit), v -> TableReport.number(v));
            }
            m.close();
            distributions(m, labels, s.arms().stream().map(a -> pooled(a.runs(), true)).toList(),
                    s.arms().stream().map(a -> pooled(a.runs(), false)).toList(), unit);
        }
        end(m);
    }

    private static Markup page(Writer out, String title) {
        try {
            out.write("<!DOCTYPE html>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Markup m = new Markup(out);
        m.open("html", "lang", "en").open("head");
        m.empty("meta", "charset", "utf-8");
        m.empty("meta", "name", "generator", "content", "osim 0.1.0");
        m.element("title", title);
        m.open("style").raw(asset("report.css")).close();
        m.close().open("body");
        return m;
    }

    private static void end(Markup m) {
        m.open("div", "id", "tip", "role", "tooltip", "hidden", "hidden").close();
        m.open("script").raw(asset("report.js")).close();
        m.close().close();
        m.flush();
    }

    /** The run's header; {@code one} for a single run (a comparison's runs differ in their scheduler and counts). */
    private static void header(Markup m, RunResult r, TimeUnitOption unit, String command, boolean one) {
        m.open("dl", "class", "header");
        item(m, "workload", r.workload());
        if (one) {
            item(m, "scheduler", r.scheduler() + (r.params().isEmpty() ? "" : " " + r.params()));
        }
        item(m, "seed", Long.toString(r.seed()));
        item(m, "machine", r.cpus() + (r.cpus() == 1 ? " CPU" : " CPUs") + ", " + r.profile() + " profile");
        item(m, "times in", unit.name() + " of simulated time");
        if (one) {
            item(m, "events", r.events() + " events, " + r.sliceCount() + " slices");
        }
        item(m, "command", command);
        m.close();
    }

    private static void item(Markup m, String term, String what) {
        m.element("dt", term).element("dd", what);
    }

    private static void summary(Markup m, List<RunResult> runs, List<String> labels, TimeUnitOption unit) {
        m.element("h2", "Summary");
        m.open("table", "class", "sortable summary").open("thead").open("tr").element("th", "policy");
        for (SummaryMetric metric : SummaryMetric.STANDARD) {
            m.element("th", metric.label() + (metric.time() ? " (" + unit.name() + ")" : ""));
        }
        m.element("th", "preemptions").element("th", "completed");
        m.close().close().open("tbody");
        for (int i = 0; i < runs.size(); i++) {
            Summary s = runs.get(i).summary();
            m.open("tr").element("td", labels.get(i));
            for (SummaryMetric metric : SummaryMetric.STANDARD) {
                double v = metric.value().applyAsDouble(s);
                m.element("td", value(v, metric, unit), "data-sort", Double.toString(v));
            }
            m.element("td", Long.toString(s.preemptions())).element("td", s.completed() + " of " + s.processes());
            m.close();
        }
        m.close().close();
    }

    private static void violations(Markup m, RunResult r, String command) {
        if (r.violations().isEmpty()) {
            return;
        }
        m.open("section", "class", "violations").element("h2", "Violations");
        m.open("ul");
        for (Violation v : r.violations()) {
            m.element("li", v.sentence());
        }
        m.close();
        Violation first = r.violations().get(0);
        if (!first.schedule().isEmpty()) {
            m.open("p").text("The interleaving that led to the first: ").element("code", first.schedule()).close();
            m.open("p").text("Replay it: ").element("code", "./osim run " + r.workload() + " --schedule '" + first.schedule() + "'"
                    + (command.contains("--cpus") ? " --cpus " + r.cpus() : "")).close();
        }
        m.close();
    }

    private static void gantt(Markup m, Timeline t, RunResult r, TimeUnitOption unit) {
        if (t.droppedBars() > 0 || t.droppedStates() > 0) {
            m.element("p", "The chart draws the first " + t.bars().size() + " slices of " + (t.bars().size() + t.droppedBars())
                    + " and the first " + t.states().size() + " thread states; draw a window of a long run with --until, or look "
                    + "at all of it in Perfetto with --trace-out.", "class", "note");
        }
        m.open("div", "class", "zoom").element("button", "zoom in", "type", "button", "data-zoom", "in")
                .element("button", "zoom out", "type", "button", "data-zoom", "out")
                .element("button", "reset", "type", "button", "data-zoom", "reset")
                .element("span", "wheel to zoom, drag to pan", "class", "hint").close();
        SvgGantt.chart(m, t, r.endTime(), unit, "Gantt chart: " + TableReport.label(r), false);
        m.open("p", "class", "legend");
        for (String[] s : new String[][] {{"running", "#2e7d32"}, {"ready", "#f9c74f"}, {"blocked", "#e57373"}, {"stopped", "#9e9e9e"}}) {
            m.open("span", "class", "key").open("span", "class", "swatch", "style", "background:" + s[1]).close().text(s[0]).close();
        }
        m.close();
    }

    private static void processes(Markup m, RunResult r, TimeUnitOption unit) {
        m.open("table", "class", "sortable processes").open("thead").open("tr");
        for (String h : List.of("process", "arrival", "first run", "completion", "turnaround", "waiting", "response", "cpu",
                "blocked", "switches", "preempted", "exit")) {
            m.element("th", h);
        }
        m.close().close().open("tbody");
        java.util.Set<TaskResult> threads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<TaskResult> rows = new ArrayList<>();
        for (TaskResult p : r.processes()) {
            rows.add(p);
            if (p.threads().size() > 1) {
                rows.addAll(p.threads());
                threads.addAll(p.threads());
            }
        }
        for (TaskResult p : rows) {
            m.open("tr").element("td", p.name());
            cell(m, OptionalLong.of(p.arrival()), unit);
            cell(m, p.firstRun(), unit);
            cell(m, p.completion(), unit);
            cell(m, p.turnaround(), unit);
            cell(m, OptionalLong.of(p.waiting()), unit);
            cell(m, p.response(), unit);
            cell(m, OptionalLong.of(p.cpu()), unit);
            cell(m, OptionalLong.of(p.blocked()), unit);
            m.element("td", Long.toString(p.contextSwitches())).element("td", Long.toString(p.preemptions()));
            m.element("td", p.termination().map(Object::toString).orElse(threads.contains(p) ? "" : "running"));
            m.close();
        }
        m.close().close();
    }

    private static void cell(Markup m, OptionalLong nanos, TimeUnitOption unit) {
        if (nanos.isPresent()) {
            m.element("td", unit.text(nanos.getAsLong()), "data-sort", Long.toString(nanos.getAsLong()));
        } else {
            m.element("td", "-", "data-sort", "");
        }
    }

    private static void distributions(Markup m, List<String> labels, List<double[]> response, List<double[]> turnaround,
                                      TimeUnitOption unit) {
        m.element("h2", "Distributions over processes");
        m.open("div", "class", "charts");
        SvgCharts.ecdf(m, "response time: fraction of processes at most x", labels, response.toArray(double[][]::new), unit);
        SvgCharts.ecdf(m, "turnaround time: fraction of processes at most x", labels, turnaround.toArray(double[][]::new), unit);
        m.close();
    }

    /** The response (or turnaround) time of every process that has one, in nanoseconds. */
    private static double[] times(RunResult r, boolean response) {
        return r.processes().stream().map(p -> response ? p.response() : p.turnaround()).filter(OptionalLong::isPresent)
                .mapToDouble(OptionalLong::getAsLong).toArray();
    }

    /** The same, pooled over replications (a value below 0 marks a job without one). */
    private static double[] pooled(List<Replication> runs, boolean response) {
        return runs.stream().flatMapToLong(r -> java.util.Arrays.stream(response ? r.response() : r.turnaround()))
                .filter(v -> v >= 0).asDoubleStream().toArray();
    }

    private static String value(double v, SummaryMetric metric, TimeUnitOption unit) {
        return metric.time() ? unit.text(v) : TableReport.number(v);
    }

    /** Values of a time metric in the report's unit, for charts; others as they are. */
    private static double[] scaled(double[] values, SummaryMetric metric, TimeUnitOption unit) {
        if (!metric.time()) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / unit.nanosPerUnit();
        }
        return out;
    }

    private static String asset(String name) {
        try (var in = HtmlReport.class.getResourceAsStream("html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource html/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
