package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Cpu;

/** Turns the kernel's tables at the end of a run into the metrics of docs/metrics.md. */
final class ResultCollector {
    private final Kernel kernel;
    private final long end;

    ResultCollector(Kernel kernel) {
        this.kernel = kernel;
        this.end = kernel.engine().now();
    }

    /** The results; the run is over, and the process table is emptied as they are made. */
    RunResult collect() {
        var objects = kernel.objectResults();
        var memory = kernel.memoryAtEnd();
        var regions = kernel.regionResults();
        ProcessTable table = kernel.table();
        List<TaskResult> processes = new ArrayList<>(table.size());
        for (int i = 0, n = table.size(); i < n; i++) {
            processes.add(process(table.release(i)));
        }
        KernelOptions o = kernel.options();
        return new RunResult(kernel.workload().name(), kernel.schedulerName(), kernel.params().asText(), o.seed(),
                o.cpus(), o.costs().name(), processes, summary(processes), kernel.slices(), kernel.violations(),
                kernel.engine().eventsFired(), kernel.sliceCount(), end, objects, memory, regions, kernel.options().check());
    }

    private TaskResult thread(ThreadControlBlock t) {
        long blocked = t.blocked + (t.state == ThreadState.BLOCKED ? end - t.blockedSince : 0);
        long waiting = t.waiting + (t.state == ThreadState.READY ? end - t.readySince : 0);
        if (t.user) {
            // A user thread waits in its run-time system, or on a kernel thread that is not running: all the
            // time it was neither computing nor blocked.
            long alive = (t.completion >= 0 ? t.completion : end) - t.arrival;
            waiting = Math.max(0, alive - t.cpuNanos() - blocked);
        }
        return new TaskResult(t.name, t.arrival, opt(t.firstRun), opt(t.completion), t.cpuNanos(), waiting, blocked,
                t.switches, t.preemptions, t.migrations, Optional.empty(), List.of(),
                t.policyFigures == null ? List.of() : t.policyFigures.asList(),
                t.jobs == null ? Optional.empty() : Optional.of(t.jobs.result()), Optional.empty());
    }

    private TaskResult process(ProcessControlBlock p) {
        List<ThreadControlBlock> own = new ArrayList<>(p.threads.size());
        for (ThreadControlBlock t : p.threads) {
            if (!t.carrier()) { // kernel threads that run user threads are the run-time system's, not results
                own.add(t);
            }
        }
        if (own.size() == 1 && own.get(0).name.equals(p.name)) {
            ThreadControlBlock t = own.get(0);
            TaskResult only = thread(t);
            return new TaskResult(p.name, p.arrival, only.firstRun(), opt(p.completion), only.cpu(), only.waiting(),
                    only.blocked(), only.contextSwitches(), only.preemptions(), only.migrations(), Optional.ofNullable(p.termination), List.of(),
                    only.policy(), only.realTime(), messages(p));
        }
        List<TaskResult> threads = new ArrayList<>(own.size());
        for (ThreadControlBlock t : own) {
            threads.add(thread(t));
        }
        long firstRun = -1;
        long cpu = 0;
        long waiting = 0;
        long blocked = 0;
        long switches = 0;
        long preemptions = 0;
        long migrations = 0;
        for (TaskResult t : threads) {
            if (t.firstRun().isPresent() && (firstRun < 0 || t.firstRun().getAsLong() < firstRun)) {
                firstRun = t.firstRun().getAsLong();
            }
            cpu += t.cpu();
            waiting += t.waiting();
            blocked += t.blocked();
            switches += t.contextSwitches();
            preemptions += t.preemptions();
            migrations += t.migrations();
        }
        return new TaskResult(p.name, p.arrival, opt(firstRun), opt(p.completion), cpu, waiting, blocked, switches,
                preemptions, migrations, Optional.ofNullable(p.termination), threads, List.of(), Optional.empty(), messages(p));
    }

    private static Optional<org.osim.api.result.MessageResult> messages(ProcessControlBlock p) {
        if (!p.receivesMessages()) {
            return Optional.empty();
        }
        DeviceMessages m = p.messages();
        return Optional.of(new org.osim.api.result.MessageResult(m.arrived, m.handled,
                m.started == 0 ? 0 : (double) m.latencySum / m.started, m.latencyWorst,
                m.handled == 0 ? 0 : (double) m.responseSum / m.handled, m.responseWorst));
    }

    private Summary summary(List<TaskResult> processes) {
        int completed = 0;
        double turnaround = 0;
        double waiting = 0;
        int responded = 0;
        double response = 0;
        long firstArrival = Long.MAX_VALUE;
        long lastCompletion = 0;
        long switches = 0;
        long preemptions = 0;
        long misses = 0;
        long migrations = 0;
        double sumX = 0;
        double sumX2 = 0;
        int n = 0;
        for (TaskResult p : processes) {
            firstArrival = Math.min(firstArrival, p.arrival());
            switches += p.contextSwitches();
            preemptions += p.preemptions();
            migrations += p.migrations();
            misses += p.realTime().map(org.osim.api.result.RealTimeResult::missed).orElse(0L);
            if (p.completion().isPresent()) {
                completed++;
                turnaround += p.turnaround().getAsLong();
                waiting += p.waiting();
                lastCompletion = Math.max(lastCompletion, p.completion().getAsLong());
            }
            if (p.response().isPresent()) {
                responded++;
                response += p.response().getAsLong();
            }
            long wanted = p.cpu() + p.waiting();
            if (wanted > 0) {
                double x = (double) p.cpu() / wanted;
                sumX += x;
                sumX2 += x * x;
                n++;
            }
        }
        if (processes.isEmpty()) {
            firstArrival = 0;
        }
        long lastMoment = completed == processes.size() ? lastCompletion : end;
        long makespan = Math.max(0, lastMoment - firstArrival);
        List<Cpu> cpus = kernel.machine().cpus();
        List<Double> perCpu = new ArrayList<>(cpus.size());
        long busy = 0;
        long overhead = 0;
        for (Cpu c : cpus) {
            busy += c.busyNanos();
            overhead += c.overheadNanos();
            perCpu.add(makespan == 0 ? 0.0 : round((double) c.busyNanos() / makespan));
        }
        double utilization = makespan == 0 ? 0.0 : round((double) busy / ((double) makespan * cpus.size()));
        double throughput = makespan == 0 ? 0.0 : round(completed / ((double) makespan / SimTime.NANOS_PER_MILLI));
        double jain = n == 0 || sumX2 == 0 ? 1.0 : round(sumX * sumX / (n * sumX2));
        double anyBusy = makespan == 0 ? 0.0 : round((double) kernel.anyBusyNanos() / makespan);
        return new Summary(completed == 0 ? 0 : turnaround / completed, completed == 0 ? 0 : waiting / completed,
                responded == 0 ? 0 : response / responded, throughput, utilization, perCpu, anyBusy, makespan, switches,
                preemptions, migrations, kernel.userThreadSwitches(), kernel.upcalls(), kernel.instructions(), kernel.busTransactions(), kernel.busWait(), overhead, misses, jain,
                processes.size(), completed, kernel.failedForks());
    }

    /** Six decimals are plenty, and rounding keeps printed ratios the same on every JVM. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
