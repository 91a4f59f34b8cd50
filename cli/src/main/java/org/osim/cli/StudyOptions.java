package org.osim.cli;

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
            description = "Run up to N replications at once, one per core (default: the number of cores); the report is the "
                    + "same whatever N is.")
    Integer jobs;

    /** Whether a study was asked for. */
    boolean on() {
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
}
