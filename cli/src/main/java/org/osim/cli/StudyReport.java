package org.osim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.osim.stats.Estimate;
import org.osim.stats.PairedDifference;
import org.osim.stats.PooledQuantiles;
import org.osim.stats.Study;
import org.osim.stats.SummaryMetric;

/**
 * A study's report: each metric's mean with its confidence interval per policy, the paired differences against the
 * baseline with their verdicts, and the per-process distributions pooled over the replications; as a table, JSON
 * (with every replication's summary) or CSV (a row per policy and metric).
 */
final class StudyReport {
    private StudyReport() {}

    /**
     * How the study was made, for its header: the {@code --precision} asked (NaN if none), whether its samples are
     * batches of one run rather than replications, and notes such as how much warm-up was removed.
     */
    record Design(double precision, boolean batches, List<String> notes) {
        static final Design REPLICATIONS = new Design(Double.NaN, false, List.of());

        Design {
            notes = List.copyOf(notes);
        }
    }

    /** The report of {@code studies} in {@code format}: table, JSON, CSV or HTML (the other formats describe single runs). */
    static Output.Report report(List<Study> studies, Format format, TimeUnitOption unit, Design design) {
        return switch (format) {
            case json -> out -> json(out, studies, unit, design);
            case html -> out -> HtmlReport.study(out, studies, unit, design);
            case csv -> out -> out.write(csv(studies, unit));
            case table -> out -> out.write(table(studies, unit, design));
            default -> throw org.osim.api.OsimException.badInput("--format " + format + " reports single runs: with --replications "
                    + "use table, json, csv or html");
        };
    }

    /** With {@code --precision} (a fraction; NaN without), whether every mean of every study came within it. */
    private static boolean reached(List<Study> studies, double precision) {
        for (Study st : studies) {
            if (!Study.precise(st.arms().stream().map(Study.Arm::runs).toList(), st.confidence(), precision)) {
                return false;
            }
        }
        return true;
    }

    static String table(List<Study> studies, TimeUnitOption unit, Design design) {
        double precision = design.precision();
        StringBuilder b = new StringBuilder();
        for (Study st : studies) {
            if (b.length() > 0) {
                b.append('\n');
            }
            org.osim.stats.Replication first = st.arms().get(0).runs().get(0);
            b.append(first.workload()).append(" · ").append(st.replications());
            if (design.batches()) {
                b.append(" batches of one run (seed ").append(st.seeds().get(0)).append(") · ");
            } else {
                b.append(st.replications() == 1 ? " replication" : " replications").append(" (seed ").append(st.seeds().get(0))
                        .append(st.replications() > 1 ? ", then derived" : "").append(") · ");
            }
            b.append(number(st.confidence() * 100)).append("% confidence intervals, times in ").append(unit.name());
            if (!Double.isNaN(precision)) {
                b.append(reached(List.of(st), precision) ? " · every mean within " : " · NOT every mean within ")
                        .append(number(precision * 100)).append("%").append(reached(List.of(st), precision) ? ""
                                : " (--max-replications reached)");
            }
            b.append('\n');
            design.notes().forEach(n -> b.append(n).append('\n'));
            b.append('\n');
            List<String> head = new ArrayList<>(List.of("metric"));
            st.arms().forEach(a -> head.add(a.label()));
            TableReport.Table t = new TableReport.Table(head.toArray(String[]::new));
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                List<String> row = new ArrayList<>(List.of(label(m)));
                st.arms().forEach(a -> row.add(interval(a.estimate(m), m, unit)));
                t.add(row.toArray(String[]::new));
            }
            b.append(t.render());
            if (st.arms().size() > 1 && st.replications() > 1) {
                differences(b, st, unit);
            }
            pooled(b, st, unit);
        }
        return b.toString();
    }

    private static void differences(StringBuilder b, Study st, TimeUnitOption unit) {
        int others = st.arms().size() - 1;
        b.append("\nagainst ").append(st.arms().get(st.baseline()).label()).append(": paired differences over the same replications")
                .append(others > 1 ? ", p-values Holm-corrected over " + others + " policies" : "").append('\n');
        List<String> head = new ArrayList<>(List.of("metric"));
        List<Study.Arm> compared = new ArrayList<>();
        for (int a = 0; a < st.arms().size(); a++) {
            if (a != st.baseline()) {
                compared.add(st.arms().get(a));
                head.add(st.arms().get(a).label());
            }
        }
        TableReport.Table t = new TableReport.Table(head.toArray(String[]::new));
        for (int i = 0; i < SummaryMetric.STANDARD.size(); i++) {
            SummaryMetric m = SummaryMetric.STANDARD.get(i);
            List<String> row = new ArrayList<>(List.of(label(m)));
            for (Study.Arm a : compared) {
                PairedDifference d = a.differences().get(i);
                row.add(d.difference().standardDeviation() == 0 && d.difference().mean() == 0 ? "0  the same in every replication"
                        : signed(interval(d.difference(), m, unit)) + "  " + d.verdict().text() + " (p " + p(d.adjustedP()) + ")");
            }
            t.add(row.toArray(String[]::new));
        }
        b.append(t.render());
    }

    private static void pooled(StringBuilder b, Study st, TimeUnitOption unit) {
        b.append("\nper process, pooled over the replications: median / p95 / p99\n");
        List<String> head = new ArrayList<>(List.of("figure"));
        st.arms().forEach(a -> head.add(a.label()));
        TableReport.Table t = new TableReport.Table(head.toArray(String[]::new));
        for (int i = 0; i < st.arms().get(0).pooled().size(); i++) {
            List<String> row = new ArrayList<>(List.of(st.arms().get(0).pooled().get(i).name()));
            for (Study.Arm a : st.arms()) {
                PooledQuantiles q = a.pooled().get(i);
                row.add(q.count() == 0 ? "-" : unit.text(q.median()) + " / " + unit.text(q.p95()) + " / " + unit.text(q.p99()));
            }
            t.add(row.toArray(String[]::new));
        }
        b.append(t.render());
    }

    private static String label(SummaryMetric m) {
        return m.name().equals("throughput") ? "throughput (per unit)" : m.label();
    }

    /** A metric's value as reports give it: times in the unit, throughput per unit, utilization in percent. */
    static double scaled(SummaryMetric m, double v, TimeUnitOption unit) {
        if (m.time()) {
            return v / unit.nanosPerUnit();
        }
        if (m.name().equals("throughput")) {
            return unit.perUnit(v);
        }
        return m.name().equals("cpuUtilization") ? v * 100 : v;
    }

    /** {@code mean ± half-width}, the mean to the half-width's second significant digit. */
    static String interval(Estimate e, SummaryMetric m, TimeUnitOption unit) {
        double mean = scaled(m, e.mean(), unit);
        double hw = Math.abs(scaled(m, e.halfWidth(), unit));
        String pct = m.name().equals("cpuUtilization") ? "%" : "";
        if (!Double.isFinite(hw) || hw == 0) {
            return number(mean) + pct; // one replication, or the same value in every one
        }
        int decimals = hw == 0 ? 3 : Math.max(0, Math.min(6, 1 - (int) Math.floor(Math.log10(hw))));
        return round(mean, decimals) + pct + " ± " + round(hw, decimals) + pct;
    }

    private static String signed(String s) {
        return s.startsWith("-") ? s : "+" + s;
    }

    private static String round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String number(double v) {
        return TableReport.number(v);
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 0.0001 ? "<0.0001" : round(p, 4);
    }

    static void json(java.io.Writer out, List<Study> studies, TimeUnitOption unit, Design design) throws IOException {
        double precision = design.precision();
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            g.writeStringField("timeUnit", unit.name());
            g.writeStringField("samples", design.batches() ? "batches" : "replications");
            if (!design.notes().isEmpty()) {
                g.writeArrayFieldStart("notes");
                for (String n : design.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
            }
            if (!Double.isNaN(precision)) {
                g.writeObjectFieldStart("precision");
                g.writeNumberField("relative", precision);
                g.writeBooleanField("reached", reached(studies, precision));
                g.writeEndObject();
            }
            studies(g, studies, unit);
            g.writeEndObject();
        }
    }

    /** The field {@code studies}: each study with its schedulers' estimates, differences and replications. */
    static void studies(JsonGenerator g, List<Study> studies, TimeUnitOption unit) throws IOException {
        g.writeArrayFieldStart("studies");
        for (Study st : studies) {
            g.writeStartObject();
            g.writeStringField("workload", st.arms().get(0).runs().get(0).workload());
            g.writeNumberField("replications", st.replications());
            g.writeNumberField("confidence", st.confidence());
            g.writeArrayFieldStart("seeds");
            for (long s : st.seeds()) {
                g.writeNumber(s);
            }
            g.writeEndArray();
            g.writeStringField("baseline", st.arms().get(st.baseline()).label());
            g.writeArrayFieldStart("schedulers");
            for (Study.Arm a : st.arms()) {
                arm(g, a, unit);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void arm(JsonGenerator g, Study.Arm a, TimeUnitOption unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("scheduler", a.label());
        g.writeObjectFieldStart("metrics");
        for (SummaryMetric m : SummaryMetric.STANDARD) {
            g.writeObjectFieldStart(m.name());
            estimate(g, a.estimate(m), m, unit);
            g.writeEndObject();
        }
        g.writeEndObject();
        if (!a.differences().isEmpty()) {
            g.writeObjectFieldStart("differences");
            for (PairedDifference d : a.differences()) {
                g.writeObjectFieldStart(d.metric().name());
                estimate(g, d.difference(), d.metric(), unit);
                finite(g, "p", d.p());
                finite(g, "pAdjusted", d.adjustedP());
                g.writeStringField("verdict", d.verdict().text());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("perProcess");
        for (PooledQuantiles q : a.pooled()) {
            g.writeObjectFieldStart(q.name());
            g.writeNumberField("count", q.count());
            finite(g, "median", q.median() / unit.nanosPerUnit());
            finite(g, "p95", q.p95() / unit.nanosPerUnit());
            finite(g, "p99", q.p99() / unit.nanosPerUnit());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("replications");
        for (org.osim.stats.Replication r : a.runs()) {
            g.writeStartObject();
            g.writeNumberField("seed", r.seed());
            g.writeNumberField("jobs", r.jobs());
            g.writeObjectFieldStart("summary");
            JsonReport.summaryFields(g, r.summary(), unit);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void estimate(JsonGenerator g, Estimate e, SummaryMetric m, TimeUnitOption unit) throws IOException {
        finite(g, "mean", scaled(m, e.mean(), unit));
        finite(g, "sd", Math.abs(scaled(m, e.standardDeviation(), unit)));
        finite(g, "halfWidth", Math.abs(scaled(m, e.halfWidth(), unit)));
        finite(g, "low", scaled(m, e.mean(), unit) - Math.abs(scaled(m, e.halfWidth(), unit)));
        finite(g, "high", scaled(m, e.mean(), unit) + Math.abs(scaled(m, e.halfWidth(), unit)));
        g.writeNumberField("n", e.n());
    }

    /** A number, or null where it is undefined (the interval of one replication). */
    private static void finite(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    static String csv(List<Study> studies, TimeUnitOption unit) {
        StringBuilder b = new StringBuilder("workload,scheduler,metric,replications,confidence,mean,sd,halfWidth,low,high,"
                + "baseline,difference,differenceHalfWidth,p,pAdjusted,verdict\n");
        for (Study st : studies) {
            String baseline = st.arms().get(st.baseline()).label();
            for (Study.Arm a : st.arms()) {
                for (int i = 0; i < SummaryMetric.STANDARD.size(); i++) {
                    SummaryMetric m = SummaryMetric.STANDARD.get(i);
                    Estimate e = a.estimate(m);
                    double mean = scaled(m, e.mean(), unit);
                    double hw = Math.abs(scaled(m, e.halfWidth(), unit));
                    List<String> row = new ArrayList<>(List.of(CsvReport.quote(a.runs().get(0).workload()), CsvReport.quote(a.label()),
                            m.name(), String.valueOf(st.replications()), String.valueOf(st.confidence()), csv(mean),
                            csv(Math.abs(scaled(m, e.standardDeviation(), unit))), csv(hw), csv(mean - hw), csv(mean + hw),
                            CsvReport.quote(baseline)));
                    if (a.differences().isEmpty()) {
                        row.addAll(List.of("", "", "", "", ""));
                    } else {
                        PairedDifference d = a.differences().get(i);
                        row.addAll(List.of(csv(scaled(m, d.difference().mean(), unit)),
                                csv(Math.abs(scaled(m, d.difference().halfWidth(), unit))), csv(d.p()), csv(d.adjustedP()),
                                d.verdict().text()));
                    }
                    b.append(String.join(",", row)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }
}
