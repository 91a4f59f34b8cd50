package org.osim.cli;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;

/** CSV for spreadsheets: {@code run} gives a row per process, {@code compare} a row per run. */
final class CsvReport {
    private CsvReport() {}

    static String processes(List<RunResult> runs, TimeUnitOption unit) {
        StringBuilder b = new StringBuilder("workload,scheduler,params,seed,process,arrival,firstRun,completion,turnaround,"
                + "waiting,response,cpu,blocked,contextSwitches,preemptions,termination\n");
        for (RunResult r : runs) {
            for (TaskResult p : r.processes()) {
                b.append(String.join(",", quote(r.workload()), quote(r.scheduler()), quote(params(r)), String.valueOf(r.seed()),
                        quote(p.name()), unit.of(p.arrival()).toPlainString(), opt(p.firstRun(), unit), opt(p.completion(), unit),
                        opt(p.turnaround(), unit), unit.of(p.waiting()).toPlainString(), opt(p.response(), unit),
                        unit.of(p.cpu()).toPlainString(), unit.of(p.blocked()).toPlainString(),
                        String.valueOf(p.contextSwitches()), String.valueOf(p.preemptions()),
                        quote(p.termination().map(Object::toString).orElse("")))).append('\n');
            }
        }
        return b.toString();
    }

    static String summaries(List<RunResult> runs, TimeUnitOption unit) {
        StringBuilder b = new StringBuilder("workload,scheduler,params,seed,cpus,meanTurnaround,meanWaiting,meanResponse,"
                + "throughput,cpuUtilization,makespan,contextSwitches,preemptions,overhead,jainFairness,completed,processes\n");
        for (RunResult r : runs) {
            Summary s = r.summary();
            b.append(String.join(",", quote(r.workload()), quote(r.scheduler()), quote(params(r)), String.valueOf(r.seed()),
                    String.valueOf(r.cpus()), unit.of(s.meanTurnaround()).toPlainString(), unit.of(s.meanWaiting()).toPlainString(),
                    unit.of(s.meanResponse()).toPlainString(), TableReport.number(unit.perUnit(s.throughput())),
                    String.valueOf(s.cpuUtilization()), unit.of(s.makespan()).toPlainString(), String.valueOf(s.contextSwitches()),
                    String.valueOf(s.preemptions()), unit.of(s.overhead()).toPlainString(), String.valueOf(s.jainFairness()),
                    String.valueOf(s.completed()), String.valueOf(s.processes()))).append('\n');
        }
        return b.toString();
    }

    private static String params(RunResult r) {
        return r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String opt(OptionalLong v, TimeUnitOption unit) {
        return v.isPresent() ? unit.of(v.getAsLong()).toPlainString() : "";
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
