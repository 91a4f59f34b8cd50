package org.osim.importers.ostep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.osim.api.PythonRandom;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.Workload;

/**
 * OSTEP's {@code cpu-sched-lottery/lottery.py}, read from its own flags ({@code -s -j -l -m -T -q -c}), run under
 * {@code lottery variant=ostep}: the same stream of draws makes the jobs (run time, then tickets, each drawn again
 * while zero) and then every decision, so {@code -s 1} picks the same winners here as there.
 *
 * @param jobs each job's {run time, tickets}
 * @param draws how many draws making the jobs took (none with {@code -l})
 */
public record LotteryHomework(long seed, List<long[]> jobs, int quantum, long draws) implements Homework {
    private static final long MS = 1_000_000;

    public LotteryHomework {
        jobs = List.copyOf(jobs);
    }

    public static LotteryHomework parse(List<String> args) {
        OptparseFlags f = new OptparseFlags("lottery.py", List.of("-s seed", "-j jobs", "-l jlist", "-m maxlen", "-T maxticket",
                "-q quantum", "-c compute!"), args);
        long seed = f.integer("seed", 0);
        int quantum = (int) f.integer("quantum", 1);
        if (quantum < 1) {
            throw f.bad("-q: the quantum must be at least 1, got " + quantum);
        }
        List<long[]> jobs = new ArrayList<>();
        long draws = 0;
        String jl = f.text("jlist", "");
        if (!jl.isEmpty()) {
            for (String job : jl.split(",")) {
                String[] p = job.split(":");
                if (p.length != 2) {
                    throw f.bad("-l: each job is runtime:tickets (jobs separated by ','), got '" + job + "'");
                }
                jobs.add(new long[] {OptparseNumbers.integer(p[0], "lottery.py", "-l"), OptparseNumbers.integer(p[1], "lottery.py", "-l")});
            }
        } else {
            PythonRandom random = new PythonRandom(seed);
            long maxlen = f.integer("maxlen", 10);
            long maxticket = f.integer("maxticket", 100);
            if (maxlen < 2 || maxticket < 2) {
                throw f.bad("-m and -T must be at least 2, or the script draws for ever");
            }
            for (int k = 0, n = (int) f.integer("jobs", 3); k < n; k++) {
                long run = 0;
                while (run == 0) {
                    run = (long) (maxlen * random.random());
                    draws++;
                }
                long tickets = 0;
                while (tickets == 0) {
                    tickets = (long) (maxticket * random.random());
                    draws++;
                }
                jobs.add(new long[] {run, tickets});
            }
        }
        for (long[] j : jobs) {
            if (j[0] < 1 || j[1] < 1 || j[1] > Integer.MAX_VALUE) {
                throw f.bad("a job needs a run time and tickets of at least 1");
            }
        }
        return new LotteryHomework(seed, jobs, quantum, draws);
    }

    /** Job {@code j} is process {@code j}: one CPU burst of its run time, holding its tickets. */
    @Override
    public Workload workload() {
        List<ProcessSpec> ps = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            String name = String.valueOf(j);
            ps.add(new ProcessSpec(name, 0, 0, 0, (int) jobs.get(j)[1], "default", OptionalLong.empty(),
                    List.of(new ThreadSpec(name, Program.of(new Instruction.Compute(jobs.get(j)[0] * MS)))), Map.of(),
                    java.util.Optional.empty(), List.of(), org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false));
        }
        return Workload.of("lottery.py", ps);
    }

    @Override
    public String scheduler() {
        return "lottery";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("variant", "ostep");
        p.put("quantum", quantum + "ms");
        p.put("scriptSeed", String.valueOf(seed));
        p.put("scriptDraws", String.valueOf(draws));
        return p;
    }

    /**
     * The script's results, its {@code --> JOB j DONE at time t} lines in the order the jobs end: the script's clock
     * moves by whole quanta, so a job ends at the end of its last quantum.
     */
    @Override
    public String finalStatistics(RunResult r, java.util.List<org.osim.api.trace.TraceEvent> trace) {
        List<long[]> done = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            TaskResult t = r.process(String.valueOf(j)).orElseThrow();
            long end = t.completion().orElseThrow() / MS;
            done.add(new long[] {j, (end + quantum - 1) / quantum * quantum});
        }
        done.sort(Comparator.<long[]>comparingLong(d -> d[1]).thenComparingLong(d -> d[0]));
        StringBuilder out = new StringBuilder();
        for (long[] d : done) {
            out.append("--> JOB ").append(d[0]).append(" DONE at time ").append(d[1]).append('\n');
        }
        return out.toString();
    }
}
