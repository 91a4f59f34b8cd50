package org.osim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.osim.api.result.PolicyMetric;
import org.osim.api.result.RealTimeResult;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Violation;

/** The JSON of docs/metrics.md: {@code { "runs": [ … ] }}; field names are a contract, fields come in a fixed order. */
final class JsonReport {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonReport() {}

    /** A pretty-printing generator writing to {@code out}, as every JSON report uses. */
    static JsonGenerator generator(java.io.Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /** What writes one JSON document on a generator. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** The document {@code body} writes, pretty-printed as every report is, with a final newline. */
    static String document(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    static String render(List<RunResult> runs, TimeUnitOption unit, boolean slices) {
        StringWriter w = new StringWriter();
        try {
            write(w, runs, unit, slices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the report to {@code out} as it goes: five million slices need not be one string first. */
    static void write(java.io.Writer out, List<RunResult> runs, TimeUnitOption unit, boolean slices) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("runs");
            for (RunResult r : runs) {
                run(g, r, unit, slices);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    private static void run(JsonGenerator g, RunResult r, TimeUnitOption unit, boolean slices) throws IOException {
        g.writeStartObject();
        g.writeStringField("workload", r.workload());
        g.writeObjectFieldStart("scheduler");
        g.writeStringField("name", r.scheduler());
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> e : r.params().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("seed", r.seed());
        g.writeNumberField("cpus", r.cpus());
        g.writeStringField("profile", r.profile());
        g.writeStringField("timeUnit", unit.name());
        g.writeArrayFieldStart("processes");
        for (TaskResult p : r.processes()) {
            task(g, p, unit);
        }
        g.writeEndArray();
        summary(g, r.summary(), org.osim.api.result.JobStatistics.of(r.processes()), unit);
        if (slices) {
            g.writeArrayFieldStart("slices");
            for (SliceRecord s : r.slices()) {
                g.writeStartObject();
                g.writeNumberField("cpu", s.cpu());
                g.writeStringField("task", s.task());
                unit.write(g, "start", (s.start()));
                unit.write(g, "end", (s.end()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.invariantsChecked()) {
            g.writeStringField("invariants", "ok"); // a broken one ends the run with an error instead
        }
        g.writeArrayFieldStart("violations");
        for (Violation v : r.violations()) {
            g.writeStartObject();
            g.writeStringField("kind", v.kind());
            unit.write(g, "time", (v.time()));
            g.writeArrayFieldStart("threads");
            for (String t : v.threads()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeStringField("detail", v.detail());
            g.writeStringField("schedule", v.schedule());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!r.objects().isEmpty()) {
            g.writeArrayFieldStart("objects");
            for (var o : r.objects()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("type", o.type());
                g.writeNumberField("operations", o.operations());
                g.writeNumberField("blocks", o.blocks());
                g.writeNumberField("timeouts", o.timeouts());
                unit.write(g, "totalWait", (o.totalWait()));
                unit.write(g, "worstWait", (o.worstWait()));
                g.writeNumberField("acquisitions", o.acquisitions());
                unit.write(g, "holdTime", (o.holdTime()));
                g.writeNumberField("systemCalls", o.operations());
                g.writeNumberField("systemCallsAvoided", o.systemCallsAvoided());
                if (!o.counters().isEmpty()) {
                    g.writeObjectFieldStart("counters");
                    for (var c : o.counters().entrySet()) {
                        g.writeNumberField(c.getKey(), c.getValue());
                    }
                    g.writeEndObject();
                }
                if (!o.times().isEmpty()) {
                    g.writeObjectFieldStart("times");
                    for (var c : o.times().entrySet()) {
                        unit.write(g, c.getKey(), (c.getValue()));
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!r.regions().isEmpty()) {
            g.writeArrayFieldStart("regions");
            for (var x : r.regions()) {
                g.writeStartObject();
                g.writeStringField("name", x.name());
                g.writeNumberField("entries", x.entries());
                g.writeNumberField("waits", x.waits());
                unit.write(g, "totalWait", (x.totalWait()));
                unit.write(g, "meanWait", (Math.round(x.meanWait())));
                unit.write(g, "worstWait", (x.worstWait()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!r.memory().isEmpty()) {
            g.writeObjectFieldStart("memory");
            for (var w : r.memory().entrySet()) {
                if (w.getValue().size() == 1) {
                    g.writeNumberField(w.getKey(), w.getValue().get(0));
                } else {
                    g.writeArrayFieldStart(w.getKey());
                    for (long v : w.getValue()) {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
        g.writeNumberField("events", r.events());
        g.writeNumberField("sliceCount", r.sliceCount());
        unit.write(g, "endTime", (r.endTime()));
        g.writeEndObject();
    }

    private static void task(JsonGenerator g, TaskResult p, TimeUnitOption unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        unit.write(g, "arrival", (p.arrival()));
        optional(g, "firstRun", p.firstRun(), unit);
        optional(g, "completion", p.completion(), unit);
        optional(g, "turnaround", p.turnaround(), unit);
        unit.write(g, "waiting", (p.waiting()));
        optional(g, "response", p.response(), unit);
        unit.write(g, "cpu", (p.cpu()));
        unit.write(g, "blocked", (p.blocked()));
        g.writeNumberField("contextSwitches", p.contextSwitches());
        g.writeNumberField("preemptions", p.preemptions());
        g.writeNumberField("migrations", p.migrations());
        if (p.boundedSlowdown().isPresent()) {
            g.writeNumberField("boundedSlowdown", p.boundedSlowdown().getAsDouble());
        }
        if (p.realTime().isPresent()) {
            RealTimeResult rt = p.realTime().get();
            g.writeObjectFieldStart("realTime");
            g.writeNumberField("jobs", rt.released());
            g.writeNumberField("completed", rt.completed());
            g.writeNumberField("deadlineMisses", rt.missed());
            g.writeNumberField("aborted", rt.aborted());
            unit.write(g, "worstResponse", (rt.worstResponse()));
            unit.write(g, "meanResponse", (rt.meanResponse()));
            unit.write(g, "maxLateness", (rt.maxLateness()));
            g.writeEndObject();
        }
        if (p.messages().isPresent()) {
            var m = p.messages().get();
            g.writeObjectFieldStart("messages");
            g.writeNumberField("arrived", m.arrived());
            g.writeNumberField("handled", m.handled());
            unit.write(g, "meanLatency", (m.meanLatency()));
            unit.write(g, "worstLatency", (m.worstLatency()));
            unit.write(g, "meanResponse", (m.meanResponse()));
            unit.write(g, "worstResponse", (m.worstResponse()));
            g.writeEndObject();
        }
        if (p.termination().isPresent()) {
            g.writeObjectFieldStart("termination");
            g.writeStringField("kind", p.termination().get().kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("code", p.termination().get().code());
            g.writeStringField("detail", p.termination().get().detail());
            g.writeEndObject();
        }
        if (!p.policy().isEmpty()) {
            g.writeObjectFieldStart("policy");
            for (PolicyMetric m : p.policy()) {
                if (m.time()) {
                    unit.write(g, m.name(), ((long) m.value()));
                } else {
                    g.writeNumberField(m.name(), m.value());
                }
            }
            g.writeEndObject();
        }
        if (!p.threads().isEmpty()) {
            g.writeArrayFieldStart("threads");
            for (TaskResult t : p.threads()) {
                task(g, t, unit);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, OptionalLong v, TimeUnitOption unit) throws IOException {
        if (v.isPresent()) {
            unit.write(g, name, (v.getAsLong()));
        }
    }

    /** A run's summary figures, as fields of the object being written (times in {@code unit}). */
    static void summaryFields(JsonGenerator g, Summary s, TimeUnitOption unit) throws IOException {
        unit.write(g, "meanTurnaround", (s.meanTurnaround()));
        unit.write(g, "meanWaiting", (s.meanWaiting()));
        unit.write(g, "meanResponse", (s.meanResponse()));
        g.writeNumberField("throughput", round(unit.perUnit(s.throughput())));
        g.writeNumberField("cpuUtilization", s.cpuUtilization());
        g.writeArrayFieldStart("perCpuUtilization");
        for (double u : s.perCpuUtilization()) {
            g.writeNumber(u);
        }
        g.writeEndArray();
        g.writeNumberField("anyCpuBusy", s.anyCpuBusy());
        unit.write(g, "makespan", (s.makespan()));
        g.writeNumberField("contextSwitches", s.contextSwitches());
        g.writeNumberField("preemptions", s.preemptions());
        g.writeNumberField("migrations", s.migrations());
        g.writeNumberField("userThreadSwitches", s.userThreadSwitches());
        g.writeNumberField("instructions", s.instructions());
        g.writeNumberField("busTransactions", s.busTransactions());
        unit.write(g, "busWait", (s.busWait()));
        g.writeNumberField("upcalls", s.upcalls());
        g.writeNumberField("deadlineMisses", s.deadlineMisses());
        g.writeNumberField("failedForks", s.failedForks());
        unit.write(g, "overhead", (s.overhead()));
        g.writeNumberField("jainFairness", s.jainFairness());
        g.writeNumberField("processes", s.processes());
        g.writeNumberField("completed", s.completed());
    }

    private static void summary(JsonGenerator g, Summary s, org.osim.api.result.JobStatistics jobs, TimeUnitOption unit)
            throws IOException {
        g.writeObjectFieldStart("summary");
        summaryFields(g, s, unit);
        g.writeObjectFieldStart("jobs");
        distribution(g, "wait", jobs.waitTime(), unit, true);
        distribution(g, "boundedSlowdown", jobs.boundedSlowdown(), unit, false);
        unit.write(g, "boundedSlowdownTau", org.osim.api.result.JobStatistics.TAU);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void distribution(JsonGenerator g, String name, org.osim.api.result.JobStatistics.Distribution d,
                                     TimeUnitOption unit, boolean time) throws IOException {
        g.writeObjectFieldStart(name);
        String[] keys = {"mean", "median", "p90", "p99", "max"};
        double[] values = {d.mean(), d.median(), d.p90(), d.p99(), d.max()};
        for (int i = 0; i < keys.length; i++) {
            if (time) {
                unit.write(g, keys[i], values[i]);
            } else {
                g.writeNumberField(keys[i], round(values[i]));
            }
        }
        g.writeEndObject();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
