package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.osim.api.result.JobStatistics;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Violation;

/** Plain-text tables for people. */
final class TableReport {
    private TableReport() {}

    /** One run: a line a process, then the summary and any violations. */
    static String run(RunResult r, TimeUnitOption unit) {
        return run(r, unit, false);
    }

    /** @param jobs whether to add the parallel-job figures (wait, bounded slowdown): for workloads of gang jobs */
    static String run(RunResult r, TimeUnitOption unit, boolean jobs) {
        StringBuilder b = new StringBuilder();
        b.append(header(r)).append("\n\n");
        List<String> metrics = policyMetrics(r);
        List<String> head = new ArrayList<>(List.of("process", "arrival", "first run", "completion", "turnaround",
                "waiting", "response", "cpu", "blocked", "switches", "preempted"));
        head.addAll(metrics);
        head.add("exit");
        Table t = new Table(head.toArray(String[]::new));
        for (TaskResult p : r.processes()) {
            row(t, p, unit, "", metrics);
            for (int i = 0; !jobs && i < p.threads().size(); i++) { // a gang job's threads all run alike: its row says it
                row(t, p.threads().get(i), unit, "  ", metrics);
            }
        }
        b.append(t.render()).append('\n');
        Summary s = r.summary();
        String u = unit.name();
        b.append(String.format(Locale.ROOT, "mean turnaround %s %s · mean waiting %s %s · mean response %s %s%n",
                unit.text(s.meanTurnaround()), u, unit.text(s.meanWaiting()), u, unit.text(s.meanResponse()), u));
        b.append(String.format(Locale.ROOT, "throughput %s per %s · CPU utilization %s · makespan %s %s · context switches %d · "
                        + "preemptions %d · overhead %s %s · Jain fairness %s%n",
                number(unit.perUnit(s.throughput())), u, percent(s.cpuUtilization()), unit.text(s.makespan()), u,
                s.contextSwitches(), s.preemptions(), unit.text(s.overhead()), u, number(s.jainFairness())));
        if (r.cpus() > 1 || s.migrations() > 0) {
            b.append("migrations ").append(s.migrations()).append(" · per-CPU utilization ")
                    .append(String.join(" ", s.perCpuUtilization().stream().map(TableReport::percent).toList()))
                    .append(" · some CPU busy ").append(percent(s.anyCpuBusy())).append('\n');
        }
        if (s.instructions() > 0) {
            b.append("machine instructions ").append(s.instructions());
            if (s.busTransactions() > 0) {
                b.append(" · bus transactions ").append(s.busTransactions()).append(" · waiting for the bus ")
                        .append(unit.text(s.busWait())).append(' ').append(u);
            }
            b.append('\n');
        }
        if (jobs) {
            JobStatistics jobStats = JobStatistics.of(r.processes());
            JobStatistics.Distribution w = jobStats.waitTime();
            JobStatistics.Distribution d = jobStats.boundedSlowdown();
            b.append(String.format(Locale.ROOT, "jobs: wait mean %s · median %s · p90 %s · p99 %s · max %s %s%n", unit.text(w.mean()),
                    unit.text(w.median()), unit.text(w.p90()), unit.text(w.p99()), unit.text(w.max()), u));
            b.append(String.format(Locale.ROOT, "bounded slowdown (τ = 10 s) mean %s · median %s · p90 %s · p99 %s · max %s%n",
                    number(d.mean()), number(d.median()), number(d.p90()), number(d.p99()), number(d.max())));
        }
        if (s.failedForks() > 0) {
            b.append("failed forks ").append(s.failedForks()).append(" (EAGAIN: the process table full, or a user at its limit)\n");
        }
        if (s.userThreadSwitches() > 0 || s.upcalls() > 0) {
            b.append("user-level thread switches ").append(s.userThreadSwitches()).append(" · upcalls ").append(s.upcalls())
                    .append('\n');
        }
        realTime(b, r, unit);
        messages(b, r, unit);
        if (!r.objects().isEmpty()) {
            boolean fast = r.objects().stream().anyMatch(o -> o.systemCallsAvoided() > 0);
            List<String> objectHead = new java.util.ArrayList<>(List.of("object", "type", "operations", "blocks", "timeouts", "total wait",
                    "worst wait", "acquired", "held"));
            if (fast) {
                objectHead.add("calls avoided");
            }
            Table objects = new Table(objectHead.toArray(String[]::new));
            for (var o : r.objects()) {
                List<String> row = new java.util.ArrayList<>(List.of(o.name(), o.type(), String.valueOf(o.operations()),
                        String.valueOf(o.blocks()), String.valueOf(o.timeouts()), unit.text(o.totalWait()), unit.text(o.worstWait()),
                        String.valueOf(o.acquisitions()), unit.text(o.holdTime())));
                if (fast) {
                    row.add(String.valueOf(o.systemCallsAvoided()));
                }
                objects.add(row.toArray(String[]::new));
            }
            b.append('\n').append(objects.render());
            for (var o : r.objects()) {
                if (!o.counters().isEmpty() || !o.times().isEmpty()) {
                    b.append(o.name()).append(": ").append(counters(o, unit)).append('\n');
                }
            }
        }
        if (!r.regions().isEmpty()) {
            Table regions = new Table("region", "entries", "waits", "mean wait", "worst wait");
            for (var g : r.regions()) {
                regions.add(g.name(), String.valueOf(g.entries()), String.valueOf(g.waits()),
                        unit.text(Math.round(g.meanWait())), unit.text(g.worstWait()));
            }
            b.append('\n').append(regions.render());
        }
        if (!r.memory().isEmpty()) {
            b.append("\nmemory at the end: ");
            String sep = "";
            for (var w : r.memory().entrySet()) {
                b.append(sep).append(w.getKey()).append(' ').append(words(w.getValue()));
                sep = " · ";
            }
            b.append('\n');
        }
        if (s.completed() < s.processes()) {
            b.append(s.processes() - s.completed()).append(" of ").append(s.processes())
                    .append(" processes did not complete; means are over those that did.\n");
        }
        violations(b, r.violations());
        if (r.invariantsChecked()) {
            b.append("invariants: ok\n");
        }
        return b.toString();
    }

    /** Real-time tasks: a line each, with jobs, misses, response times, preemptions and migrations (as SimSo reports them). */
    /** A word's value, an array's elements; a long array (a flat memory) only by its elements that are not 0. */
    static String words(List<Long> values) {
        if (values.size() == 1) {
            return String.valueOf(values.get(0));
        }
        if (values.size() <= 64) {
            return values.toString();
        }
        java.util.StringJoiner set = new java.util.StringJoiner(", ", "{", "}");
        int zeros = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != 0) {
                set.add(i + ": " + values.get(i));
            } else {
                zeros++;
            }
        }
        return set + " (" + zeros + " other elements 0)";
    }

    private static void realTime(StringBuilder b, RunResult r, TimeUnitOption unit) {
        Table t = new Table("real-time task", "jobs", "completed", "missed", "aborted", "worst response", "mean response",
                "max lateness", "preemptions", "migrations");
        boolean any = false;
        for (TaskResult p : r.processes()) {
            if (p.realTime().isPresent()) {
                any = true;
                var rt = p.realTime().get();
                t.add(p.name(), String.valueOf(rt.released()), String.valueOf(rt.completed()), String.valueOf(rt.missed()),
                        String.valueOf(rt.aborted()), unit.text(rt.worstResponse()), unit.text(rt.meanResponse()),
                        rt.completed() == 0 ? "-" : unit.text(rt.maxLateness()), String.valueOf(p.preemptions()),
                        String.valueOf(p.migrations()));
            }
        }
        if (any) {
            b.append('\n').append(t.render());
            b.append("deadline misses ").append(r.summary().deadlineMisses()).append('\n');
        }
    }

    /** Processes that handled messages: how long messages waited, and how long their handling took. */
    private static void messages(StringBuilder b, RunResult r, TimeUnitOption unit) {
        Table t = new Table("messages to", "arrived", "handled", "mean latency", "worst latency", "mean response",
                "worst response");
        boolean any = false;
        for (TaskResult p : r.processes()) {
            if (p.messages().isPresent()) {
                any = true;
                var m = p.messages().get();
                t.add(p.name(), String.valueOf(m.arrived()), String.valueOf(m.handled()), unit.text(m.meanLatency()),
                        unit.text(m.worstLatency()), unit.text(m.meanResponse()), unit.text(m.worstResponse()));
            }
        }
        if (any) {
            b.append('\n').append(t.render());
        }
    }

    static String header(RunResult r) {
        String params = r.params().isEmpty() ? "" : " " + r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return r.workload() + " · " + r.scheduler() + params + " · seed " + r.seed() + " · " + r.cpus()
                + (r.cpus() == 1 ? " cpu" : " cpus") + " · " + r.profile() + " profile";
    }

    /** The names of the figures the policy published, in first-published order, for extra columns. */
    private static List<String> policyMetrics(RunResult r) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (TaskResult p : r.processes()) {
            p.policy().forEach(m -> names.add(m.name()));
            p.threads().forEach(t -> t.policy().forEach(m -> names.add(m.name())));
        }
        return new ArrayList<>(names);
    }

    private static void row(Table t, TaskResult p, TimeUnitOption unit, String indent, List<String> metrics) {
        List<String> cells = new ArrayList<>(List.of(indent + p.name(), unit.text(p.arrival()), opt(p.firstRun(), unit),
                opt(p.completion(), unit), opt(p.turnaround(), unit), unit.text(p.waiting()), opt(p.response(), unit),
                unit.text(p.cpu()), unit.text(p.blocked()), String.valueOf(p.contextSwitches()), String.valueOf(p.preemptions())));
        for (String m : metrics) {
            cells.add(p.figure(m).map(v -> v.time() ? unit.text(v.value()) : number(v.value())).orElse("-"));
        }
        cells.add(p.termination().map(Object::toString).orElse(indent.isEmpty() ? "running" : ""));
        t.add(cells.toArray(String[]::new));
    }

    /**
     * Several runs side by side: a line a scheduler, labelled as the user wrote it ({@code rr:quantum=4ms};
     * the JSON output has every parameter), then turnaround per process if there are few.
     */
    /** An object's own counters, then its own times in {@code unit}: "sent 44 · writer wait 3.2". */
    static String counters(org.osim.api.result.ObjectResult o, TimeUnitOption unit) {
        List<String> parts = new ArrayList<>();
        o.counters().forEach((k, v) -> parts.add(k + " " + v));
        o.times().forEach((k, v) -> parts.add(k + " " + unit.text(v)));
        return String.join(" · ", parts);
    }

    static String compare(List<RunResult> runs, List<String> labels, TimeUnitOption unit) {
        return compare(runs, labels, unit, false);
    }

    /** @param jobs whether to add the parallel-job figures (wait, bounded slowdown): for workloads of gang jobs */
    static String compare(List<RunResult> runs, List<String> labels, TimeUnitOption unit, boolean jobs) {
        StringBuilder b = new StringBuilder();
        RunResult first = runs.get(0);
        b.append(runs.stream().map(RunResult::workload).distinct().collect(Collectors.joining(", "))).append(" · seed ").append(first.seed()).append(" · ").append(first.cpus())
                .append(first.cpus() == 1 ? " cpu" : " cpus").append(" · ").append(first.profile()).append(" profile · times in ")
                .append(unit.name()).append("\n\n");
        boolean rt = runs.stream().anyMatch(r -> r.processes().stream().anyMatch(p -> p.realTime().isPresent()));
        List<String> head = new ArrayList<>(List.of("scheduler", "mean turnaround", "mean waiting", "mean response",
                "throughput/" + unit.name(), "cpu util", "makespan", "switches", "preemptions", "fairness", "completed"));
        if (rt) {
            head.add("deadline misses");
        }
        Table t = new Table(head.toArray(String[]::new));
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            Summary s = r.summary();
            List<String> row = new ArrayList<>(List.of(labels.get(i), unit.text(s.meanTurnaround()), unit.text(s.meanWaiting()),
                    unit.text(s.meanResponse()), number(unit.perUnit(s.throughput())), percent(s.cpuUtilization()),
                    unit.text(s.makespan()), String.valueOf(s.contextSwitches()), String.valueOf(s.preemptions()),
                    number(s.jainFairness()), s.completed() + "/" + s.processes()));
            if (rt) {
                row.add(String.valueOf(s.deadlineMisses()));
            }
            t.add(row.toArray(String[]::new));
        }
        b.append(t.render());
        if (jobs) {
            Table j = new Table("jobs", "mean wait", "median wait", "p90 wait", "p99 wait", "max wait", "mean bsld", "median bsld",
                    "p90 bsld", "p99 bsld", "max bsld", "utilization");
            for (int i = 0; i < runs.size(); i++) {
                Summary s = runs.get(i).summary();
                JobStatistics jobStats = JobStatistics.of(runs.get(i).processes());
                JobStatistics.Distribution w = jobStats.waitTime();
                JobStatistics.Distribution d = jobStats.boundedSlowdown();
                j.add(labels.get(i), unit.text(w.mean()), unit.text(w.median()), unit.text(w.p90()), unit.text(w.p99()),
                        unit.text(w.max()), number(d.mean()), number(d.median()), number(d.p90()), number(d.p99()), number(d.max()),
                        percent(s.cpuUtilization()));
            }
            b.append('\n').append(j.render())
                    .append("wait = start - submit; bsld = bounded slowdown, max(1, turnaround / max(run time, 10 s))\n");
        }
        if (first.processes().size() <= 12 && runs.stream().allMatch(r -> r.processes().size() == first.processes().size())) {
            List<String> names = new ArrayList<>();
            names.add("turnaround");
            first.processes().forEach(p -> names.add(p.name()));
            Table per = new Table(names.toArray(String[]::new));
            for (int i = 0; i < runs.size(); i++) {
                RunResult r = runs.get(i);
                List<String> row = new ArrayList<>();
                row.add(labels.get(i));
                r.processes().forEach(p -> row.add(opt(p.turnaround(), unit)));
                per.add(row.toArray(String[]::new));
            }
            b.append('\n').append(per.render());
        }
        if (runs.stream().anyMatch(r -> r.processes().stream().anyMatch(p -> p.messages().isPresent()))) {
            Table m = new Table("messages", "handled", "per second", "mean latency", "worst latency", "mean response",
                    "worst response");
            for (int i = 0; i < runs.size(); i++) {
                RunResult r = runs.get(i);
                long handled = 0;
                double latency = 0;
                long worstLatency = 0;
                double response = 0;
                long worstResponse = 0;
                for (TaskResult p : r.processes()) {
                    if (p.messages().isPresent()) {
                        var x = p.messages().get();
                        handled += x.handled();
                        latency += x.meanLatency() * x.handled();
                        response += x.meanResponse() * x.handled();
                        worstLatency = Math.max(worstLatency, x.worstLatency());
                        worstResponse = Math.max(worstResponse, x.worstResponse());
                    }
                }
                double seconds = r.summary().makespan() / 1e9;
                m.add(labels.get(i), String.valueOf(handled), seconds == 0 ? "-" : number(handled / seconds),
                        unit.text(handled == 0 ? 0 : latency / handled), unit.text(worstLatency),
                        unit.text(handled == 0 ? 0 : response / handled), unit.text(worstResponse));
            }
            b.append('\n').append(m.render());
        }
        if (runs.stream().anyMatch(r -> r.objects().stream().anyMatch(o -> !o.counters().isEmpty() || !o.times().isEmpty()))) {
            // What the kernel objects counted, run by run: how a lock or a mailbox fared under each.
            Table objects = new Table("objects", "counted");
            for (int i = 0; i < runs.size(); i++) {
                for (var o : runs.get(i).objects()) {
                    if (!o.counters().isEmpty() || !o.times().isEmpty()) {
                        objects.add(labels.get(i) + " " + o.name(), counters(o, unit));
                    }
                }
            }
            b.append('\n').append(objects.render());
        }
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            if (!r.violations().isEmpty()) {
                b.append('\n').append(labels.get(i)).append(":\n");
                violations(b, r.violations());
            }
        }
        if (runs.stream().allMatch(RunResult::invariantsChecked)) {
            b.append("\ninvariants: ok\n");
        }
        return b.toString();
    }

    static String label(RunResult r) {
        return r.scheduler() + (r.params().isEmpty() ? "" : ":" + r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    }

    private static void violations(StringBuilder b, List<Violation> vs) {
        for (Violation v : vs) {
            b.append("VIOLATION: ").append(v.sentence()).append('\n');
        }
        if (!vs.isEmpty() && !vs.get(0).schedule().isEmpty()) {
            // how the first one came about, in the form osim run --schedule replays
            b.append("the interleaving that led to the first: ").append(vs.get(0).schedule()).append('\n');
        }
    }

    private static String opt(OptionalLong v, TimeUnitOption unit) {
        return v.isPresent() ? unit.text(v.getAsLong()) : "-";
    }

    static String number(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    private static String percent(double v) {
        return number(v * 100) + "%";
    }

    /** A text table: columns of numbers are right-aligned, columns of words left-aligned. */
    static final class Table {
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-|[-+]?[0-9][0-9.,]*(%|M|/[0-9]+)?");
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void add(String... row) {
            rows.add(row);
        }

        String render() {
            int cols = rows.get(0).length;
            int[] width = new int[cols];
            boolean[] numeric = new boolean[cols];
            java.util.Arrays.fill(numeric, true);
            for (int r = 0; r < rows.size(); r++) {
                for (int i = 0; i < cols; i++) {
                    width[i] = Math.max(width[i], rows.get(r)[i].length());
                    if (r > 0 && !NUMBER.matcher(rows.get(r)[i]).matches()) {
                        numeric[i] = false;
                    }
                }
            }
            numeric[0] = false;
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cols; i++) {
                    if (i > 0) {
                        line.append("  ");
                    }
                    String pad = " ".repeat(width[i] - r[i].length());
                    line.append(numeric[i] ? pad + r[i] : r[i] + pad);
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }
}
