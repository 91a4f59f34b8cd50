package org.osim.importers.ostep;

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
public record SchedulerHomework(long seed, List<Double> lengths, String policy, int quantum, boolean given) {
    public SchedulerHomework {
        requireNonNull(lengths, "lengths is null");
        requireNonNull(policy, "policy is null");
        lengths = List.copyOf(lengths);
    }

    /** The script's flags, as its optparse reads them (long options may be shortened to a unique prefix). */
    public static SchedulerHomework parse(List<String> args) {
        long seed = 0;
        int jobs = 3;
        String jlist = "";
        int maxlen = 10;
        String policy = "FIFO";
        int quantum = 1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            String flag = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 2) {
                flag = a.substring(0, 2);
                value = a.substring(2);
            }
            String name = flagName(flag);
            if (name.equals("compute")) {
                if (value != null) {
                    throw OsimException.badInput("scheduler.py: -c takes no value, got '" + a + "'");
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw OsimException.badInput("scheduler.py: " + flag + " option requires an argument");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "seed" -> seed = OptparseNumbers.integer(value, flag);
                case "jobs" -> jobs = (int) OptparseNumbers.integer(value, flag);
                case "jlist" -> jlist = value;
                case "maxlen" -> maxlen = (int) OptparseNumbers.integer(value, flag);
                case "policy" -> policy = value;
                case "quantum" -> quantum = (int) OptparseNumbers.integer(value, flag);
                default -> throw new IllegalStateException(name);
            }
        }
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

    private static final Map<String, String> SHORT = Map.of("-s", "seed", "-j", "jobs", "-l", "jlist", "-m", "maxlen", "-p", "policy",
            "-q", "quantum", "-c", "compute");
    private static final List<String> LONG = List.of("seed", "jobs", "jlist", "maxlen", "policy", "quantum", "compute");

    private static String flagName(String flag) {
        if (SHORT.containsKey(flag)) {
            return SHORT.get(flag);
        }
        if (flag.startsWith("--") && flag.length() > 2) {
            String prefix = flag.substring(2);
            List<String> matches = LONG.stream().filter(l -> l.startsWith(prefix)).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw OsimException.badInput("scheduler.py: ambiguous option " + flag + " (" + String.join(", ", matches) + ")");
            }
        }
        throw OsimException.badInput("scheduler.py: no such option: " + flag + " (scheduler.py takes -s, -j, -l, -m, -p, -q, -c)");
    }

    /** The jobs as processes named {@code 0, 1, …}, all arriving at 0 with one CPU burst of their run time. */
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
    public String scheduler() {
        return switch (policy) {
            case "FIFO" -> "fcfs";
            case "SJF" -> "sjf";
            default -> "rr";
        };
    }

    /** The policy's parameters: the quantum, for RR. */
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

}
