package org.osim.importers.ostep;

import org.osim.api.PythonRandom;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osim.api.OsimException;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * OSTEP's {@code cpu-sched/scheduler.py} homework, read from its own flags: {@code -s} seed, {@code -j} jobs,
 * {@code -l} job list, {@code -m} longest job, {@code -p} FIFO, SJF or RR, {@code -q} quantum, {@code -c}. Its jobs,
 * generated exactly as the script generates them (one {@code random()} per job), become processes {@code 0, 1, …}
 * arriving together with one CPU burst each, one time unit of the script being a millisecond.
 *
 * @param seed the {@code -s} seed
 * @param lengths each job's run time, in the script's units
 * @param policy {@code FIFO}, {@code SJF} or {@code RR}
 * @param quantum the RR time slice
 * @param given whether the jobs came from {@code -l} (they print as floats then)
 */
public record SchedulerHomework(long seed, List<Double> lengths, String policy, int quantum, boolean given) implements Homework {
    public SchedulerHomework {
        requireNonNull(lengths, "lengths is null");
        requireNonNull(policy, "policy is null");
        lengths = List.copyOf(lengths);
    }

    /** The script's flags, as its optparse reads them (long options may be shortened to a unique prefix). */
    public static SchedulerHomework parse(List<String> args) {
        OptparseFlags f = new OptparseFlags("scheduler.py", List.of("-s seed", "-j jobs", "-l jlist", "-m maxlen", "-p policy",
                "-q quantum", "-c compute!"), args);
        long seed = f.integer("seed", 0);
        int jobs = (int) f.integer("jobs", 3);
        String jlist = f.text("jlist", "");
        int maxlen = (int) f.integer("maxlen", 10);
        String policy = f.text("policy", "FIFO");
        int quantum = (int) f.integer("quantum", 1);
        if (!List.of("FIFO", "SJF", "RR").contains(policy)) {
            throw OsimException.badInput("scheduler.py: unknown policy '" + policy + "' (FIFO, SJF or RR, as written)");
        }
        if (policy.equals("RR") && quantum < 1) {
            throw OsimException.badInput("scheduler.py: the quantum must be at least 1, got " + quantum);
        }
        List<Double> lengths = new ArrayList<>();
        if (!jlist.isEmpty()) {
            for (String part : jlist.split(",", -1)) {
                try {
                    lengths.add(Double.parseDouble(part.strip()));
                } catch (NumberFormatException e) {
                    throw OsimException.badInput("scheduler.py: -l expects run times separated by commas, got '" + part + "' in '" + jlist + "'");
                }
            }
            return new SchedulerHomework(seed, lengths, policy, quantum, true);
        }
        PythonRandom random = new PythonRandom(seed);
        for (int k = 0; k < jobs; k++) {
            lengths.add((double) ((int) (maxlen * random.random()) + 1));
        }
        return new SchedulerHomework(seed, lengths, policy, quantum, false);
    }

    /** The jobs as processes named {@code 0, 1, …}, all arriving at 0 with one CPU burst of their run time. */
    @Override
    public Workload workload() {
        List<ProcessSpec> ps = new ArrayList<>();
        for (int k = 0; k < lengths.size(); k++) {
            long nanos = Math.round(lengths.get(k) * 1_000_000);
            if (nanos <= 0) {
                throw OsimException.badInput("scheduler.py: job " + k + " has run time " + lengths.get(k) + "; osim runs jobs longer than 0");
            }
            ps.add(ProcessSpec.of(String.valueOf(k), 0, new Program(List.of(new Instruction.Compute(nanos)))));
        }
        return Workload.of("scheduler.py " + policy, ps);
    }

    /** The osim policy that follows the script's: fcfs, sjf, or rr with its quantum. */
    @Override
    public String scheduler() {
        return switch (policy) {
            case "FIFO" -> "fcfs";
            case "SJF" -> "sjf";
            default -> "rr";
        };
    }

    /** The policy's parameters: the quantum, for RR. */
    @Override
    public Map<String, String> parameters() {
        return policy.equals("RR") ? Map.of("quantum", quantum + "ms") : Map.of();
    }

    /** The job ids in the order the script's final statistics list them: by length for SJF (stable), by id otherwise. */
    public List<Integer> statisticsOrder() {
        List<Integer> ids = new ArrayList<>();
        for (int k = 0; k < lengths.size(); k++) {
            ids.add(k);
        }
        if (policy.equals("SJF")) {
            ids.sort(java.util.Comparator.comparingDouble(lengths::get)); // List.sort is stable
        }
        return ids;
    }


    /**
     * The script's "Final statistics": a line per job (in execution order for FIFO and SJF, by id for RR), then the
     * means; numbers as Python's {@code %3.2f} prints them.
     */
    @Override
    public String finalStatistics(org.osim.api.result.RunResult r, java.util.List<org.osim.api.trace.TraceEvent> trace) {
        StringBuilder out = new StringBuilder("Final statistics:\n");
        double response = 0;
        double turnaround = 0;
        double wait = 0;
        List<Integer> order = statisticsOrder();
        for (int k : order) {
            org.osim.api.result.TaskResult t = r.process(String.valueOf(k)).orElseThrow();
            double rs = t.response().orElseThrow() / 1e6;
            double ta = t.turnaround().orElseThrow() / 1e6;
            double wt = t.waiting() / 1e6;
            response += rs;
            turnaround += ta;
            wait += wt;
            out.append(String.format(java.util.Locale.ROOT, "  Job %3d -- Response: %s  Turnaround %s  Wait %s%n", k,
                    Homework.f2(rs), Homework.f2(ta), Homework.f2(wt)));
        }
        int n = order.size();
        out.append(String.format(java.util.Locale.ROOT, "%n  Average -- Response: %s  Turnaround %s  Wait %s%n%n",
                Homework.f2(response / n), Homework.f2(turnaround / n), Homework.f2(wait / n)));
        return out.toString();
    }
}
