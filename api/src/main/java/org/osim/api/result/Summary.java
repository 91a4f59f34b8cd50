package org.osim.api.result;

import java.util.List;

/**
 * The figures of a whole run (docs/metrics.md). Times in nanoseconds; means over the processes that completed. The
 * parallel-job figures (wait, bounded slowdown, their percentiles) are made from the processes when wanted:
 * {@link JobStatistics#of}.
 *
 * @param throughput completed processes per millisecond of makespan
 * @param cpuUtilization useful CPU time over (CPUs × makespan), from 0 to 1
 * @param perCpuUtilization the same per CPU
 * @param anyCpuBusy the fraction of the makespan in which at least one CPU was running a task: the CPU
 *     utilization of Tanenbaum's multiprogramming model (Fig. 2-6), 1 − pⁿ when n independent processes
 *     each wait for I/O a fraction p of the time
 * @param makespan last completion − first arrival
 * @param overhead time CPUs spent switching and in interrupt and system-call entry, not in useful work
 * @param migrations dispatches of a task on another CPU than it last ran on
 * @param userThreadSwitches switches between user-level threads inside processes (no kernel involved)
 * @param upcalls scheduler-activation upcalls from the kernel to processes' run-time systems
 * @param instructions machine instructions executed (docs/machine-instructions.md)
 * @param busTransactions memory-bus transactions, on a machine with a bus
 * @param busWait time instructions spent waiting for the bus, summed over CPUs
 * @param deadlineMisses jobs of real-time tasks that missed their deadlines
 * @param failedForks {@code fork} and {@code spawn} calls refused with EAGAIN: the process table was full, or
 *     the user at its limit (machine: maxProcesses, maxUserProcesses)
 * @param jainFairness Jain's index (Σx)²/(n·Σx²) over x = cpu / (cpu + waiting) of each process: 1 when
 *     every process got the same share of the time it wanted a CPU
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record Summary(double meanTurnaround, double meanWaiting, double meanResponse, double throughput,
                      double cpuUtilization, List<Double> perCpuUtilization, double anyCpuBusy, long makespan, long contextSwitches,
                      long preemptions, long migrations, long userThreadSwitches, long upcalls, long instructions, long busTransactions, long busWait, long overhead,
                      long deadlineMisses, double jainFairness, int processes,
                      int completed, long failedForks) implements java.io.Serializable {
    public Summary {
        perCpuUtilization = List.copyOf(perCpuUtilization);
    }
}
