package org.osim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.result.Violation;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osim explore}: many seeded random interleavings of one workload, and what they violated. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Run a workload under many seeded random interleavings (the 'random' scheduler: an interrupt may "
                + "fall between any two instructions) and report how many violated mutual exclusion, progress or "
                + "deadlock freedom, with the shortest violating interleaving and how to replay it.",
        footer = {"", "Example: osim explore busy-wait-lock-variable --random 1000 --cpus 1",
                "Run i uses seed S+i; 'osim run W -s random:maxRun=K --seed S+i' replays it, and on one CPU so does",
                "'osim run W --schedule STEPS' with the steps printed."})
final class ExploreCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Option(names = "--random", required = true, paramLabel = "N", description = "How many random interleavings to run.")
    int runs;

    @Option(names = "--max-run", paramLabel = "K", defaultValue = "8",
            description = "The most instruction times a thread runs between two random interrupts (default: ${DEFAULT-VALUE}).")
    long maxRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The shortest violating run so far. */
    private record Found(long seed, Violation violation, int steps) {}

    @Override
    public Integer call() {
        if (runs < 1 || runs > 10_000_000) {
            throw OsimException.badInput("--random must be from 1 to 10000000, got " + runs);
        }
        if (maxRun < 1) {
            throw OsimException.badInput("--max-run must be at least 1, got " + maxRun);
        }
        if (!sim.moreWorkloads.isEmpty()) {
            throw OsimException.badInput("explore takes one workload, got also " + String.join(", ", sim.moreWorkloads));
        }
        Osim osim = sim.plugins.osim();
        Workload w = sim.loadWorkload();
        Map<String, Long> byKind = new LinkedHashMap<>();
        long clean = 0;
        Found shortest = null;
        int cpus = 0;
        try (Progress progress = Progress.of("explore", "interleavings", runs)) {
            for (int i = 0; i < runs; i++) {
                long seed = sim.seed + i;
                RunResult r = sim.run(sim.simulation(osim, w, "random", Map.of("maxRun", String.valueOf(maxRun)), false).seed(seed));
                progress.step();
                cpus = r.cpus();
                if (r.violations().isEmpty()) {
                    clean++;
                    continue;
                }
                r.violations().stream().map(Violation::kind).distinct().forEach(k -> byKind.merge(k, 1L, Long::sum));
                Violation first = r.violations().get(0);
                int steps = first.schedule().isEmpty() ? Integer.MAX_VALUE : first.schedule().split(" ").length;
                if (shortest == null || steps < shortest.steps()) {
                    shortest = new Found(seed, first, steps);
                }
            }
        }
        String sets = sim.settings.stream().map(x -> " --set " + x).collect(java.util.stream.Collectors.joining());
        String replaySeed = "./osim run " + sim.workload + sets + " -s random:maxRun=" + maxRun + " --seed "
                + (shortest == null ? 0 : shortest.seed()) + (cpus != w.machine().cpus() ? " --cpus " + cpus : "");
        String replaySchedule = shortest == null || shortest.violation().schedule().isEmpty() ? ""
                : "./osim run " + sim.workload + sets + " --schedule '" + shortest.violation().schedule() + "'"
                        + (cpus != w.machine().cpus() ? " --cpus " + cpus : "");
        if (sim.traceOut != null) {
            // The shortest violating interleaving, replayed with its seed (the first run's when none was found).
            long seed = shortest == null ? sim.seed : shortest.seed();
            Map<String, String> about = sim.about(List.of(w), List.of("random:maxRun=" + maxRun));
            about.put("seed", String.valueOf(seed));
            about.put("replay", replaySchedule.isEmpty() ? replaySeed : replaySchedule);
            try (TraceOut drawing = new TraceOut(sim.traceOut, 1, about)) {
                RunResult r = sim.run(sim.simulation(osim, w, "random", Map.of("maxRun", String.valueOf(maxRun)), false).seed(seed)
                        .trace(drawing.part(0, "")));
                drawing.finish(0, r);
                drawing.commit();
            }
        }
        String text = switch (sim.format) {
            case json -> json(w, byKind, clean, shortest, replaySeed, replaySchedule);
            case csv, swf, moss, html, svg -> throw OsimException.badInput("explore writes table or json, not " + sim.format);
            case table -> table(w, cpus, byKind, clean, shortest, replaySeed, replaySchedule);
        };
        Output.write(text, sim.output, spec.commandLine().getOut());
        return 0;
    }

    private String table(Workload w, int cpus, Map<String, Long> byKind, long clean, Found shortest, String replaySeed,
                         String replaySchedule) {
        StringBuilder b = new StringBuilder();
        b.append("explore ").append(w.name()).append(" · ").append(runs).append(" random interleavings (seeds ")
                .append(sim.seed).append('–').append(sim.seed + runs - 1).append(", maxRun ").append(maxRun).append(") · ")
                .append(cpus).append(cpus == 1 ? " cpu" : " cpus").append("\n\n");
        TableReport.Table t = new TableReport.Table("outcome", "runs");
        byKind.forEach((k, n) -> t.add(k, String.valueOf(n)));
        t.add("no violation", String.valueOf(clean));
        b.append(t.render());
        if (shortest != null) {
            b.append("\nshortest (seed ").append(shortest.seed()).append("): ").append(shortest.violation().sentence()).append('\n');
            if (!shortest.violation().schedule().isEmpty()) {
                b.append("interleaving: ").append(shortest.violation().schedule()).append('\n');
            }
            b.append("replay: ").append(replaySeed).append('\n');
            if (!replaySchedule.isEmpty()) {
                b.append("    or: ").append(replaySchedule).append('\n');
            }
        }
        return b.toString();
    }

    private String json(Workload w, Map<String, Long> byKind, long clean, Found shortest, String replaySeed,
                        String replaySchedule) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            g.writeStringField("workload", w.name());
            g.writeNumberField("runs", runs);
            g.writeNumberField("firstSeed", sim.seed);
            g.writeNumberField("maxRun", maxRun);
            g.writeObjectFieldStart("violated");
            for (var e : byKind.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("clean", clean);
            if (shortest != null) {
                Violation v = shortest.violation();
                g.writeObjectFieldStart("shortest");
                g.writeNumberField("seed", shortest.seed());
                g.writeStringField("kind", v.kind());
                g.writeNumberField("time", sim.unit.of(v.time()));
                g.writeArrayFieldStart("threads");
                for (String th : v.threads()) {
                    g.writeString(th);
                }
                g.writeEndArray();
                g.writeStringField("detail", v.detail());
                g.writeStringField("schedule", v.schedule());
                g.writeStringField("replay", replaySchedule.isEmpty() ? replaySeed : replaySchedule);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }
}
