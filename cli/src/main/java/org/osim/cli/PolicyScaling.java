package org.osim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Osim;

/**
 * {@code osim bench --policies}: every installed policy on n and 10n ready tasks with the same number of slices
 * (jobs ten times shorter), so that the ratio of their speeds is how the cost of one decision grows with the ready
 * queue; each speed also over the event engine's, measured in the same run.
 */
final class PolicyScaling {
    /**
     * Policies whose own definition scans every ready task at each decision (their cost is O(n) by what they
     * compute, not by how they are written): shown with ten times fewer tasks.
     */
    static final Set<String> LINEAR_BY_DEFINITION = Set.of("guaranteed", "llf");

    /**
     * Not policies to compare: {@code scripted} replays a given interleaving, {@code random} makes races happen
     * by switching every few instruction times, {@code x86} replays OSTEP's x86.py interrupts, every few instructions.
     */
    private static final Set<String> NOT_COMPARED = Set.of("scripted", "random", "x86");

    /** One policy on {@code tasks} and ten times as many. */
    record Row(String scheduler, BenchCommand.Measurement small, BenchCommand.Measurement large) {
        int tasks() {
            return Integer.parseInt(small.benchmark().substring("rr-".length()));
        }

        /** The time of one slice with ten times the tasks over the time with n. */
        double growth() {
            return small.slicesPerSecond() / large.slicesPerSecond();
        }
    }

    private PolicyScaling() {}

    static List<Row> run(Osim osim, double scale, boolean warm) {
        List<Row> rows = new ArrayList<>();
        for (SchedulerFactory f : osim.plugins().schedulers()) {
            if (NOT_COMPARED.contains(f.name())) {
                continue;
            }
            boolean sliced = f.parameters().stream().anyMatch(p -> p.name().equals("quantum"));
            String policy = sliced ? f.name() + ":quantum=1ms" : f.name();
            int n = (int) Math.max(10, (LINEAR_BY_DEFINITION.contains(f.name()) ? 1_000 : 10_000) * scale);
            rows.add(new Row(policy, run(osim, policy, n, 1000, warm), run(osim, policy, 10 * n, 100, warm)));
        }
        return rows;
    }

    private static BenchCommand.Measurement run(Osim osim, String policy, int tasks, int maxMillis, boolean warm) {
        String yaml = """
                name: rr-%d
                generate:
                  - { name: p, count: %d, cpu: "uniform(1ms,%dms)", resolution: 1ms }
                """.formatted(tasks, tasks, maxMillis);
        if (warm) {
            BenchCommand.simulate(osim, "rr-" + tasks, yaml, policy, false);
        }
        return BenchCommand.simulate(osim, "rr-" + tasks, yaml, policy, false);
    }

    static String table(List<Row> rows, BenchCommand.Measurement engine) {
        TableReport.Table t = new TableReport.Table("scheduler", "tasks", "slices", "slices/s", "x engine", "tasks x10",
                "slices/s x10", "cost x10");
        for (Row r : rows) {
            t.add(r.scheduler(), String.valueOf(r.tasks()), String.valueOf(r.small().slices()), millions(r.small().slicesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", r.small().slicesPerSecond() / engine.eventsPerSecond()),
                    String.valueOf(10 * r.tasks()), millions(r.large().slicesPerSecond()), String.format(Locale.ROOT, "%.2f", r.growth()));
        }
        return t.render() + "\nx engine: slices/s over the event engine's events/s in the hold loop, measured in this run ("
                + millions(engine.eventsPerSecond()) + " events/s). cost x10: the time of one slice with ten times as many ready "
                + "tasks, over the time with n; O(1) stays near 1, O(log n) near 1.2-1.5 (and cache misses), O(n) near 10. "
                + String.join(" and ", new TreeSet<>(LINEAR_BY_DEFINITION)) + " scan every ready task by definition, "
                + "so they run on a tenth as many.\n";
    }

    static String json(List<Row> rows, BenchCommand.Measurement engine) {
        return JsonReport.document(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("baselines");
            BenchCommand.writeBaseline(g, engine);
            g.writeEndArray();
            g.writeArrayFieldStart("policies");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("scheduler", r.scheduler());
                g.writeBooleanField("linearByDefinition", LINEAR_BY_DEFINITION.contains(r.scheduler().split(":")[0]));
                g.writeNumberField("tasks", r.tasks());
                g.writeNumberField("slices", r.small().slices());
                g.writeNumberField("slicesPerSecond", Math.round(r.small().slicesPerSecond()));
                g.writeNumberField("ratioToEngine", BenchCommand.round(r.small().slicesPerSecond() / engine.eventsPerSecond(), 4));
                g.writeNumberField("tasksX10", 10 * r.tasks());
                g.writeNumberField("slicesX10", r.large().slices());
                g.writeNumberField("slicesPerSecondX10", Math.round(r.large().slicesPerSecond()));
                g.writeNumberField("ratioToEngineX10", BenchCommand.round(r.large().slicesPerSecond() / engine.eventsPerSecond(), 4));
                g.writeNumberField("costGrowthX10", BenchCommand.round(r.growth(), 4));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String millions(double perSecond) {
        return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
    }
}
