package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.kernel.Osim;
import org.osim.stats.Estimate;
import org.osim.stats.ReplicationSeeds;
import org.osim.stats.Study;
import org.osim.stats.SummaryMetric;
import org.osim.stats.Verdict;
import org.osim.workloads.Workloads;

/**
 * Queueing theory as the oracle of the kernel and of the statistics: with λ = 0.1/ms and E[S] = 8 ms (ρ = 0.8) the
 * theory's means must lie inside the intervals of 30 replications (a fixed seed; the tolerance is the interval itself).
 */
class QueueingTheoryTest {
    private static final Osim OSIM = Osim.create();
    private static final double MS = 1e6;

    private static Study study(String workload, Map<String, String> set, int replications, long seed, String... schedulers) {
        List<Long> seeds = new ArrayList<>();
        List<List<org.osim.stats.Replication>> runs = new ArrayList<>();
        for (String s : schedulers) {
            runs.add(new ArrayList<>());
        }
        for (int k = 1; k <= replications; k++) {
            long sk = ReplicationSeeds.seed(seed, k);
            seeds.add(sk);
            var w = Workloads.load(workload, sk, set);
            for (int i = 0; i < schedulers.length; i++) {
                String[] np = schedulers[i].split(":", 2);
                Map<String, String> params = np.length == 1 ? Map.of() : SimulationOptions.pairs(List.of(np[1].split(",")), "-s");
                runs.get(i).add(org.osim.stats.Replication.of(OSIM.simulation(w).seed(sk).scheduler(np[0], params).run()));
            }
        }
        return Study.of(List.of(schedulers), runs, 0, 0.95, seeds);
    }

    private static Estimate estimate(Study s, int arm, String metric) {
        return s.arms().get(arm).estimates().get(metric);
    }

    @Test
    void mm1UnderFcfsAndProcessorSharing() {
        Study s = study("mm1", Map.of(), 30, 1, "fcfs", "rr:quantum=100us", "srtn");
        // FCFS: W = 1/(μ - λ) = 40 ms, Wq = ρ/(μ - λ) = 32 ms, utilization ρ = 0.8.
        assertThat(estimate(s, 0, "meanTurnaround").contains(40 * MS)).as(estimate(s, 0, "meanTurnaround").toString()).isTrue();
        assertThat(estimate(s, 0, "meanWaiting").contains(32 * MS)).isTrue();
        assertThat(estimate(s, 0, "cpuUtilization").contains(0.8)).isTrue();
        // Processor sharing has the same mean turnaround; SRPT beats it, and the paired test says so.
        assertThat(estimate(s, 1, "meanTurnaround").contains(40 * MS)).isTrue();
        assertThat(s.arms().get(2).differences().get(0).verdict()).isEqualTo(Verdict.BETTER);
        assertThat(s.arms().get(1).differences().get(0).verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void pollaczekKhinchineForDeterministicAndHyperexponentialService() {
        // M/G/1 FCFS: Wq = λE[S²]/(2(1 - ρ)): E[S²] = 64 ms² (deterministic) gives 16 ms; c² = 4 gives 320 ms², 80 ms.
        Study d = study("md1", Map.of(), 30, 1, "fcfs");
        assertThat(estimate(d, 0, "meanWaiting").contains(16 * MS)).as(estimate(d, 0, "meanWaiting").toString()).isTrue();
        Study h = study("mh2-1", Map.of(), 30, 1, "fcfs", "rr:quantum=100us");
        assertThat(estimate(h, 0, "meanWaiting").contains(80 * MS)).as(estimate(h, 0, "meanWaiting").toString()).isTrue();
        // Processor sharing is insensitive to the service distribution: still 40 ms, against FCFS's 88.
        assertThat(estimate(h, 1, "meanTurnaround").contains(40 * MS)).as(estimate(h, 1, "meanTurnaround").toString()).isTrue();
        assertThat(h.arms().get(1).differences().get(0).verdict()).isEqualTo(Verdict.BETTER);
    }

    @Test
    void theIntervalsCoverAKnownMeanAsOftenAsTheySay() {
        // 200 independent studies of 10 replications of ten lone jobs (no queueing: arrivals 1000 s apart), each job's
        // turnaround its exponential service of mean 8 ms: the 95% interval must cover 8 ms in 90–99% of them.
        int covered = 0;
        for (long study = 1; study <= 200; study++) {
            Study s = study("mm1", Map.of("arrival", "1000s", "jobs", "10"), 10, study, "fcfs");
            if (estimate(s, 0, "meanTurnaround").contains(8 * MS)) {
                covered++;
            }
        }
        assertThat(covered).isBetween(180, 198);
    }

    @Test
    void compareReportsTheStudyInJsonAndTheSameBytesTwice() throws Exception {
        String[] args = {"compare", "mm1", "--set", "jobs=2000", "-s", "fcfs", "-s", "srtn", "--replications", "5", "--format", "json"};
        Cli a = Cli.run(args);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Cli.run(args).out()).isEqualTo(a.out());
        JsonNode study = new ObjectMapper().readTree(a.out()).get("studies").get(0);
        assertThat(study.get("replications").asInt()).isEqualTo(5);
        assertThat(study.get("seeds").get(0).asLong()).isEqualTo(1);
        assertThat(study.get("seeds").get(1).asLong()).isEqualTo(ReplicationSeeds.seed(1, 2));
        JsonNode srtn = study.get("schedulers").get(1);
        assertThat(srtn.get("differences").get("meanTurnaround").get("verdict").asText()).isEqualTo("better");
        assertThat(srtn.get("replications")).hasSize(5);
        JsonNode t = srtn.get("metrics").get("meanTurnaround");
        assertThat(t.get("low").asDouble()).isLessThan(t.get("mean").asDouble());
        // The table names the intervals and the verdicts; the baseline is a -s as given.
        Cli table = Cli.run("compare", "mm1", "--set", "jobs=2000", "-s", "fcfs", "-s", "srtn", "--replications", "5",
                "--baseline", "srtn");
        assertThat(table.out()).contains("5 replications (seed 1, then derived) · 95% confidence intervals")
                .contains("against srtn: paired differences").containsPattern("mean turnaround +\\+[0-9.]+ ± [0-9.]+  worse");
        assertThat(Cli.run("compare", "mm1", "-s", "fcfs", "--replications", "3", "--baseline", "rr").err())
                .isEqualTo("osim: --baseline rr is none of the schedulers compared (fcfs)\n");
        assertThat(Cli.run("compare", "mm1", "-s", "fcfs", "--replications", "0").err())
                .isEqualTo("osim: --replications takes 1 to 100,000, got 0\n");
        // Replications run in parallel give the same bytes as one at a time, with --precision's stopping point too.
        String[] parallel = {"compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "-s", "rr:quantum=1ms", "--replications", "8",
                "--format", "json", "--jobs", "1"};
        String one = Cli.run(parallel).out();
        parallel[parallel.length - 1] = "3";
        assertThat(Cli.run(parallel).out()).isEqualTo(one);
        assertThat(Cli.run("compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "--precision", "10%", "--jobs", "3").out())
                .isEqualTo(Cli.run("compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "--precision", "10%", "--jobs", "1").out());
        // A plain compare runs its runs at once too, and says the same.
        assertThat(Cli.run("compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "-s", "srtn", "-s", "rr", "--jobs", "3", "--format", "json")
                .out()).isEqualTo(Cli.run("compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "-s", "srtn", "-s", "rr", "--jobs", "1",
                        "--format", "json").out());
        // --precision adds replications until every mean is within 10% of itself, or the cap says no.
        Cli precise = Cli.run("compare", "mm1", "--set", "jobs=500", "-s", "fcfs", "--precision", "10%");
        assertThat(precise.out()).startsWith("mm1[jobs=500] · ").contains("confidence intervals, times in ms · every mean within 10%\n");
        int n = Integer.parseInt(precise.out().split(" · ")[1].split(" ")[0]);
        assertThat(n).isGreaterThan(5);
        assertThat(Cli.run("compare", "mm1", "--set", "jobs=500", "-s", "fcfs", "--precision", "10%", "--replications", "" + (n - 1))
                .out()).startsWith("mm1[jobs=500] · " + n + " replications");
        assertThat(Cli.run("compare", "mm1", "--set", "jobs=500", "-s", "fcfs", "--precision", "1%", "--max-replications", "6").out())
                .startsWith("mm1[jobs=500] · 6 replications").contains("NOT every mean within 1% (--max-replications reached)");
        assertThat(SummaryMetric.STANDARD).extracting(SummaryMetric::name).startsWith("meanTurnaround", "meanWaiting", "meanResponse");
    }

    @Test
    void batchMeansOfOneLongRunAndTheWarmUpRules() {
        // One M/M/1 run of 50,000 jobs in 20 batches: the theory's 40 ms inside the batch-means interval.
        Cli b = Cli.run("run", "mm1", "--set", "jobs=50000", "-s", "fcfs", "--batches", "20", "--warmup", "auto", "--format", "json");
        assertThat(b.exit()).as(b.err()).isZero();
        try {
            JsonNode doc = new ObjectMapper().readTree(b.out());
            assertThat(doc.get("samples").asText()).isEqualTo("batches");
            JsonNode t = doc.get("studies").get(0).get("schedulers").get(0).get("metrics").get("meanTurnaround");
            assertThat(t.get("n").asInt()).isEqualTo(20);
            assertThat(t.get("low").asDouble()).isLessThan(40);
            assertThat(t.get("high").asDouble()).isGreaterThan(40);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The rules say what they removed; a fixed warm-up leaves out the jobs that arrive before it.
        assertThat(Cli.run("compare", "mm1", "-s", "fcfs", "-s", "srtn", "--replications", "10", "--warmup", "auto").out())
                .containsPattern("warm-up: the first [0-9]+ jobs of every run left out of the per-job means \\(MSER-5\\)");
        assertThat(Cli.run("run", "mm1", "--set", "jobs=500", "-s", "fcfs", "--replications", "3", "--warmup", "2s").out())
                .contains("warm-up: the jobs arriving before 2s left out of the per-job means");
        assertThat(Cli.run("run", "mm1", "-s", "fcfs", "--batches", "20", "--replications", "5").err())
                .isEqualTo("osim: --batches splits one long run: leave out --replications and --precision\n");
    }

    @Test
    void littlesLawHoldsOnATruncatedOpenRun() {
        // M/M/1 cut at 60 s with jobs still in the system: L, the time-average number in the system (from each job's
        // arrival and completion, or the horizon), equals λW (arrivals per unit time × mean time in system of the jobs
        // that left) within the interval over 30 replications. Both are near ρ/(1 - ρ) = 4.
        long horizon = 60_000 * 1_000_000L;
        double[] l = new double[30];
        double lambdaW = 0;
        for (int k = 1; k <= 30; k++) {
            long seed = ReplicationSeeds.seed(1, k);
            var r = OSIM.simulation(Workloads.load("mm1", seed)).seed(seed).scheduler("fcfs", Map.of()).horizon(horizon).run();
            double area = 0;
            int arrived = 0;
            for (var p : r.processes()) {
                if (p.arrival() < horizon) {
                    arrived++;
                    area += Math.min(p.completion().orElse(horizon), horizon) - p.arrival();
                }
            }
            l[k - 1] = area / horizon;
            double w = r.processes().stream().filter(p -> p.completion().isPresent()).mapToLong(p -> p.turnaround().getAsLong())
                    .average().orElseThrow();
            lambdaW += (double) arrived / horizon * w / 30;
        }
        Estimate inSystem = Estimate.of(l, 0.95);
        assertThat(inSystem.contains(lambdaW)).as(inSystem + " against λW = " + lambdaW).isTrue();
        assertThat(inSystem.contains(4.0)).as(inSystem.toString()).isTrue();
    }

    /**
     * Little's law on every open standard workload under policies of every kind. L, the time-average number of
     * processes in the system, is measured from the trace (each ProcessCreated and ProcessExited moves a counter,
     * integrated over time up to the horizon); λ and W come from the run's per-process records. On every run the
     * sample-path form holds exactly: L = λW when W counts each process's time in the system up to the horizon.
     * The usual form, with W the mean turnaround of the processes that completed, misses the edge (long jobs still
     * in the system at the horizon, which SRTN leaves there); over 20 replications its λW lies inside L's interval.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mm1", "md1", "mh2-1", "batch-mix"})
    void littlesLawHoldsOnEveryOpenWorkload(String workload) {
        // batch-mix is 50 jobs over about 5 s; the queueing workloads run for minutes: cut both in their busy period.
        long horizon = (workload.equals("batch-mix") ? 3_000 : 60_000) * 1_000_000L;
        for (String scheduler : List.of("fcfs", "rr:quantum=10ms", "srtn", "mlfq", "cfs")) {
            double[] l = new double[20];
            double lambdaW = 0;
            for (int k = 1; k <= 20; k++) {
                long seed = ReplicationSeeds.seed(7, k);
                InSystem inSystem = new InSystem();
                String[] np = scheduler.split(":", 2);
                Map<String, String> params = np.length == 1 ? Map.of() : SimulationOptions.pairs(List.of(np[1]), "-s");
                var r = OSIM.simulation(Workloads.load(workload, seed)).seed(seed).scheduler(np[0], params).horizon(horizon)
                        .trace(inSystem).run();
                int arrived = 0;
                int completed = 0;
                double upToHorizon = 0;
                double turnarounds = 0;
                for (var p : r.processes()) {
                    if (p.arrival() < horizon) {
                        arrived++;
                        upToHorizon += Math.min(p.completion().orElse(horizon), horizon) - p.arrival();
                    }
                    if (p.completion().isPresent()) {
                        completed++;
                        turnarounds += p.turnaround().getAsLong();
                    }
                }
                l[k - 1] = inSystem.area(horizon) / horizon;
                double lambda = (double) arrived / horizon;
                assertThat(l[k - 1]).as(workload + " under " + scheduler + ", replication " + k)
                        .isCloseTo(lambda * (upToHorizon / arrived), org.assertj.core.data.Percentage.withPercentage(1e-9));
                lambdaW += lambda * turnarounds / completed / 20;
            }
            Estimate inSystem = Estimate.of(l, 0.95);
            assertThat(inSystem.contains(lambdaW)).as(workload + " under " + scheduler + ": L = " + inSystem + ", λW = " + lambdaW)
                    .isTrue();
        }
    }

    /** The number of processes in the system over time, from the trace: its integral up to a horizon. */
    private static final class InSystem implements org.osim.api.trace.TraceListener {
        private long last;
        private int count;
        private double area;

        @Override
        public void on(org.osim.api.trace.TraceEvent event) {
            if (event instanceof org.osim.api.trace.TraceEvent.ProcessCreated c) {
                move(c.time(), 1);
            } else if (event instanceof org.osim.api.trace.TraceEvent.ProcessExited e) {
                move(e.time(), -1);
            }
        }

        private void move(long time, int by) {
            area += (double) count * (time - last);
            last = time;
            count += by;
        }

        double area(long horizon) {
            return area + (double) count * Math.max(0, horizon - last);
        }
    }
}
