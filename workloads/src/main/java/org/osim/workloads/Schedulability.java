package org.osim.workloads;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.osim.api.SimTime;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * Schedulability tests for the periodic and sporadic tasks of a workload (Tanenbaum §2.4.4; Liu and
 * Layland 1973; Joseph and Pandya 1986; Baruah, Rosier and Howell 1990; Goossens, Funk and Baruah 2003).
 * A sporadic task is analysed at its minimum inter-arrival time, its worst case.
 */
public final class Schedulability {
    /** One task as the tests see it: worst-case execution time C, period T, relative deadline D. */
    public record TaskParams(String name, long wcet, long period, long deadline) {
        public TaskParams {
            requireNonNull(name, "name is null");
        }

        public double utilization() {
            return (double) wcet / period;
        }
    }

    /** The verdict of one test: {@code schedulable}, and a sentence saying why. */
    public record Verdict(String test, boolean schedulable, String reason) {}

    /** Everything {@code osim analyze} reports. */
    public record Report(List<TaskParams> tasks, int cpus, double utilization, List<OptionalLong> rmResponse,
                         List<OptionalLong> dmResponse, List<Verdict> verdicts) {
        /** Schedulable under the first test that applies: EDF on one CPU, partitioned EDF on several. */
        public boolean schedulable() {
            return verdicts.get(0).schedulable();
        }
    }

    private Schedulability() {}

    /** The real-time tasks of {@code w}, in declaration order. */
    public static List<TaskParams> tasks(Workload w) {
        List<TaskParams> out = new ArrayList<>();
        for (ProcessSpec p : w.processes()) {
            p.periodic().ifPresent(rt -> out.add(new TaskParams(p.name(), p.threads().get(0).program().cpuNanos(),
                    rt.period(), rt.deadline())));
        }
        return out;
    }

    public static Report analyze(List<TaskParams> tasks, int cpus) {
        double u = 0;
        for (TaskParams t : tasks) {
            u += t.utilization();
        }
        List<OptionalLong> rm = responseTimes(tasks, Comparator.comparingLong(TaskParams::period));
        List<OptionalLong> dm = responseTimes(tasks, Comparator.comparingLong(TaskParams::deadline));
        List<Verdict> verdicts = new ArrayList<>();
        if (cpus == 1) {
            verdicts.add(edf(tasks, u));
            verdicts.add(fixedPriority("RM", tasks, rm, u, Comparator.comparingLong(TaskParams::period)));
            verdicts.add(fixedPriority("DM", tasks, dm, u, Comparator.comparingLong(TaskParams::deadline)));
        } else {
            verdicts.add(partitioned(tasks, cpus));
            verdicts.add(globalEdf(tasks, cpus, u));
        }
        return new Report(List.copyOf(tasks), cpus, u, rm, dm, verdicts);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String ms(long nanos) {
        return SimTime.formatMillis(nanos) + " ms";
    }

    /** EDF on one CPU: exact. U ≤ 1 when every deadline equals its period; the processor-demand test otherwise. */
    static Verdict edf(List<TaskParams> tasks, double u) {
        if (u > 1 + 1e-12) {
            return new Verdict("EDF", false, "utilization Σ C/T = " + ratio(u) + " exceeds 1: no policy can meet every deadline");
        }
        boolean implicit = tasks.stream().allMatch(t -> t.deadline() >= t.period());
        if (implicit) {
            return new Verdict("EDF", true, "utilization Σ C/T = " + ratio(u) + " ≤ 1 (Liu and Layland: with deadlines "
                    + "equal to periods EDF meets every deadline exactly when U ≤ 1)");
        }
        // Processor demand (Baruah et al. 1990): for every absolute deadline t up to the bound, demand(t) ≤ t.
        long bound = demandBound(tasks, u);
        List<Long> points = new ArrayList<>();
        for (TaskParams t : tasks) {
            for (long d = t.deadline(); d <= bound && points.size() < 2_000_000; d += t.period()) {
                points.add(d);
            }
        }
        points.sort(null);
        for (long t : points) {
            long demand = 0;
            for (TaskParams x : tasks) {
                if (t >= x.deadline()) {
                    demand += ((t - x.deadline()) / x.period() + 1) * x.wcet();
                }
            }
            if (demand > t) {
                return new Verdict("EDF", false, "in the first " + ms(t) + " the jobs due need " + ms(demand)
                        + " of CPU (processor-demand test): a deadline is missed");
            }
        }
        return new Verdict("EDF", true, "utilization " + ratio(u) + " ≤ 1 and the processor demand of the jobs due never "
                + "exceeds the time available, checked up to " + ms(bound));
    }

    private static long demandBound(List<TaskParams> tasks, double u) {
        long maxD = 0;
        long hyper = 1;
        for (TaskParams t : tasks) {
            maxD = Math.max(maxD, t.deadline());
            hyper = lcm(hyper, t.period());
        }
        long bound = hyper + maxD;
        if (u < 1) {
            double extra = 0;
            for (TaskParams t : tasks) {
                extra += (t.period() - Math.min(t.deadline(), t.period())) * t.utilization();
            }
            bound = Math.min(bound, Math.max(maxD, (long) Math.ceil(extra / (1 - u))));
        }
        return bound;
    }

    private static long lcm(long a, long b) {
        long g = gcd(a, b);
        long l = a / g * b;
        return l <= 0 || l > 1_000L * SimTime.NANOS_PER_SECOND * 1000 ? Long.MAX_VALUE / 4 : l;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Exact worst-case response times under a fixed priority order (Joseph and Pandya 1986); empty if beyond the deadline. */
    static List<OptionalLong> responseTimes(List<TaskParams> tasks, Comparator<TaskParams> priority) {
        List<TaskParams> order = new ArrayList<>(tasks);
        order.sort(priority); // stable: equal keys keep declaration order, as the policies tie-break
        List<OptionalLong> out = new ArrayList<>();
        for (TaskParams t : tasks) {
            int rank = order.indexOf(t);
            long r = t.wcet();
            while (true) {
                long next = t.wcet();
                for (int j = 0; j < rank; j++) {
                    TaskParams h = order.get(j);
                    next += ((r + h.period() - 1) / h.period()) * h.wcet();
                }
                if (next == r || next > t.deadline()) {
                    out.add(next > t.deadline() ? OptionalLong.empty() : OptionalLong.of(next));
                    break;
                }
                r = next;
            }
        }
        return out;
    }

    private static Verdict fixedPriority(String name, List<TaskParams> tasks, List<OptionalLong> response, double u,
                                         Comparator<TaskParams> priority) {
        int n = tasks.size();
        double bound = n == 0 ? 1 : n * (Math.pow(2, 1.0 / n) - 1);
        for (int i = 0; i < n; i++) {
            if (response.get(i).isEmpty()) {
                return new Verdict(name, false, "task " + tasks.get(i).name() + " can miss its deadline of "
                        + ms(tasks.get(i).deadline()) + ": its worst-case response time exceeds it (response-time analysis)");
            }
        }
        boolean implicit = tasks.stream().allMatch(t -> t.deadline() == t.period());
        String ll = implicit && name.equals("RM")
                ? (u <= bound ? "utilization " + ratio(u) + " is within the Liu and Layland bound n(2^(1/n) - 1) = "
                        + ratio(bound) + ", and " : "utilization " + ratio(u) + " is above the Liu and Layland bound "
                        + ratio(bound) + " (which is only sufficient), but ")
                : "";
        return new Verdict(name, true, ll + "every task's worst-case response time is within its deadline (response-time analysis)");
    }

    /** Partitioned EDF: first-fit decreasing by utilization, each CPU then an EDF uniprocessor. */
    static Verdict partitioned(List<TaskParams> tasks, int cpus) {
        List<TaskParams> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingDouble((TaskParams t) -> -t.utilization()));
        double[] load = new double[cpus];
        List<List<TaskParams>> bins = new ArrayList<>();
        for (int i = 0; i < cpus; i++) {
            bins.add(new ArrayList<>());
        }
        for (TaskParams t : sorted) {
            int chosen = -1;
            for (int c = 0; c < cpus && chosen < 0; c++) {
                if (load[c] + t.utilization() <= 1 + 1e-12 && edf(append(bins.get(c), t), load[c] + t.utilization()).schedulable()) {
                    chosen = c;
                }
            }
            if (chosen < 0) {
                return new Verdict("partitioned EDF", false, "first-fit decreasing finds no CPU for " + t.name()
                        + " (utilization " + ratio(t.utilization()) + "); CPU loads " + loads(load));
            }
            load[chosen] += t.utilization();
            bins.get(chosen).add(t);
        }
        StringBuilder where = new StringBuilder();
        for (int c = 0; c < cpus; c++) {
            where.append(c == 0 ? "" : "; ").append("cpu ").append(c).append(": ")
                    .append(bins.get(c).stream().map(TaskParams::name).toList());
        }
        return new Verdict("partitioned EDF", true, "first-fit decreasing places every task, each CPU EDF-schedulable ("
                + where + "); CPU loads " + loads(load));
    }

    private static List<TaskParams> append(List<TaskParams> list, TaskParams t) {
        List<TaskParams> out = new ArrayList<>(list);
        out.add(t);
        return out;
    }

    private static String loads(double[] load) {
        List<String> out = new ArrayList<>();
        for (double l : load) {
            out.add(ratio(l));
        }
        return String.join(", ", out);
    }

    /** Global EDF: the density bound of Goossens, Funk and Baruah (sufficient only). */
    static Verdict globalEdf(List<TaskParams> tasks, int cpus, double u) {
        double umax = tasks.stream().mapToDouble(TaskParams::utilization).max().orElse(0);
        double bound = cpus * (1 - umax) + umax;
        boolean implicit = tasks.stream().allMatch(t -> t.deadline() >= t.period());
        if (implicit && u <= bound + 1e-12) {
            return new Verdict("global EDF", true, "utilization " + ratio(u) + " ≤ m(1 - u_max) + u_max = " + ratio(bound)
                    + " (Goossens, Funk and Baruah 2003)");
        }
        return new Verdict("global EDF", false, "utilization " + ratio(u) + " exceeds the sufficient bound m(1 - u_max) + u_max = "
                + ratio(bound) + " (u_max " + ratio(umax) + "): deadlines may be missed even below " + cpus
                + " CPUs' capacity (Dhall's effect); simulate to see");
    }
}
