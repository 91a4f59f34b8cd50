package org.osim.cli;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.OsimException;
import picocli.CommandLine.Option;

/** {@code --replications} and {@code --confidence}: a study of independent replications instead of one run. */
final class StudyOptions {
    @Option(names = "--replications", paramLabel = "N",
            description = "Run N independent replications (replication 1 with --seed, the others with seeds derived from it; "
                    + "see docs/statistics.md) and report each metric's mean with its confidence interval; compare adds paired "
                    + "differences against the baseline.")
    Integer replications;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals and tests, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--precision", paramLabel = "PERCENT",
            description = "Add replications until every reported mean's confidence interval is within PERCENT of it, e.g. 2% "
                    + "(at least --replications, default 5, and at most --max-replications).")
    String precision;

    @Option(names = "--max-replications", paramLabel = "N", defaultValue = "1000",
            description = "With --precision: stop after N replications even if the precision is not reached (default: ${DEFAULT-VALUE}).")
    int maxReplications;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Run up to N runs (or replications) at once, one per core (default: the number of cores); the "
                    + "report is the same whatever N is.")
    Integer jobs;

    @Option(names = "--warmup", paramLabel = "auto|DURATION",
            description = "Leave the initial transient out of the per-job means: auto finds it by the MSER-5 rule; a duration "
                    + "leaves out the jobs that arrive before it, e.g. 10s.")
    String warmup;

    @Option(names = "--batches", paramLabel = "N",
            description = "Batch means: one long run's jobs in N consecutive batches, each counted as a replication (instead "
                    + "of --replications).")
    Integer batches;

    /** Whether a study was asked for. */
    boolean on() {
        if (batches != null) {
            if (batches < 2 || batches > 10_000) {
                throw OsimException.badInput("--batches takes 2 to 10,000, got " + batches);
            }
            if ((replications != null && replications != 1) || precision != null) {
                throw OsimException.badInput("--batches splits one long run: leave out --replications and --precision");
            }
            replications = 1;
        }
        if (warmup != null && !warmup.strip().equals("auto")) {
            SimulationOptions.duration("--warmup", warmup);
        }
        if (precision != null) {
            double p = relativePrecision();
            if (maxReplications < 2) {
                throw OsimException.badInput("--max-replications takes at least 2, got " + maxReplications);
            }
            if (replications == null) {
                replications = Math.min(5, maxReplications);
            }
            if (replications < 2 || replications > maxReplications) {
                throw OsimException.badInput("--precision needs --replications of at least 2 and at most --max-replications ("
                        + maxReplications + "), got " + replications);
            }
            if (!(p > 0)) {
                throw OsimException.badInput("--precision takes a positive percentage such as 2%, got " + precision);
            }
        }
        if (replications != null && (replications < 1 || replications > 100_000)) {
            throw OsimException.badInput("--replications takes 1 to 100,000, got " + replications);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw OsimException.badInput("--confidence takes a level between 0 and 1 such as 0.95, got " + confidence);
        }
        if (jobs != null && (jobs < 1 || jobs > 1024)) {
            throw OsimException.badInput("--jobs takes 1 to 1,024, got " + jobs);
        }
        return replications != null;
    }

    /** {@code --precision} as a fraction (2% is 0.02), or NaN without it. */
    double relativePrecision() {
        if (precision == null) {
            return Double.NaN;
        }
        String t = precision.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw OsimException.badInput("--precision takes a percentage such as 2%, got '" + precision + "'");
        }
    }

    /**
     * Runs the replications: {@code replication} runs every arm (workload and scheduler) with one seed. A fixed number, or
     * with {@code --precision} until every arm's every mean is within the asked fraction of itself, or the cap. Returns the
     * runs by arm, each in replication order; {@code seeds} receives every replication's seed.
     */
    List<List<org.osim.stats.Replication>> run(long base, java.util.function.LongFunction<List<org.osim.api.result.RunResult>> replication,
                                                  List<Long> seeds) {
        double target = relativePrecision();
        int cap = Double.isNaN(target) ? replications : maxReplications;
        return new Replicator(jobs).run(base, cap, (k, seed) -> replication.apply(seed).stream().map(org.osim.stats.Replication::of).toList(),
                arms -> !Double.isNaN(target) && arms.get(0).size() >= replications
                        && org.osim.stats.Study.precise(arms, confidence, target), seeds);
    }

    /** How the study was made, for its report; {@link #prepare} adds its notes. */
    StudyReport.Design design(List<String> notes) {
        return new StudyReport.Design(relativePrecision(), batches != null, notes);
    }

    /**
     * The runs as the study uses them: with {@code --warmup}, without each run's initial transient (auto: the largest
     * MSER-5 point of the arms of a group, so that every policy of a workload drops the same jobs); with {@code
     * --batches}, each run's jobs in batches. {@code group} arms at a time belong to one workload; notes say what was
     * done.
     */
    List<List<org.osim.stats.Replication>> prepare(List<List<org.osim.stats.Replication>> arms, int group, List<String> notes) {
        List<List<org.osim.stats.Replication>> out = new ArrayList<>();
        for (int g = 0; g < arms.size(); g += group) {
            List<List<org.osim.stats.Replication>> some = arms.subList(g, g + group);
            if (warmup != null && warmup.strip().equals("auto")) {
                int drop = some.stream().mapToInt(org.osim.stats.Warmup::mser5).max().orElse(0);
                some = some.stream().map(a -> org.osim.stats.Warmup.drop(a, drop)).toList();
                notes.add("warm-up: the first " + drop + " jobs of every run left out of the per-job means (MSER-5)");
            } else if (warmup != null) {
                long from = SimulationOptions.duration("--warmup", warmup);
                some = some.stream().map(a -> org.osim.stats.Warmup.arrivingFrom(a, from)).toList();
                notes.add("warm-up: the jobs arriving before " + warmup.strip() + " left out of the per-job means");
            }
            if (batches != null) {
                some = some.stream().map(a -> org.osim.stats.Warmup.batches(a.get(0), batches)).toList();
                notes.add("batch means: " + batches + " batches of " + some.get(0).get(0).jobs() + " jobs; the other figures are "
                        + "the whole run's");
            }
            out.addAll(some);
        }
        return out;
    }
}
