package org.osim.schedulers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * OSTEP's {@code cpu-sched-mlfq/mlfq.py}, transcribed tick for tick (docs of the format: mlfq.py's own loop),
 * as the oracle for {@code mlfq variant=ostep}. Queue {@code numQueues - 1} is the highest, as in the script.
 */
final class OstepMlfqScript {
    /** One job of the script's {@code -l start,run,ioFreq} list. */
    record Job(int start, int run, int ioFreq) {}

    /** The script's options that shape a run. */
    record Options(int[] quantumHighFirst, int[] allotmentHighFirst, int boost, int ioTime, boolean stay, boolean ioBump) {}

    /** What the script prints: who ran in each tick (-1 idle), and each job's response and turnaround. */
    record Outcome(List<Integer> ticks, int[] response, int[] turnaround) {}

    private OstepMlfqScript() {}

    static Outcome run(List<Job> jobs, Options o) {
        int nq = o.quantumHighFirst().length;
        int hi = nq - 1;
        int[] quantum = new int[nq];
        int[] allot = new int[nq];
        for (int i = 0; i < nq; i++) {
            quantum[hi - i] = o.quantumHighFirst()[i];
            allot[hi - i] = o.allotmentHighFirst()[i];
        }
        int n = jobs.size();
        int[] pri = new int[n];
        int[] ticksLeft = new int[n];
        int[] allotLeft = new int[n];
        int[] timeLeft = new int[n];
        int[] firstRun = new int[n];
        int[] end = new int[n];
        Map<Integer, List<int[]>> events = new HashMap<>(); // time -> (job, 0 = begins, 1 = io done)
        for (int j = 0; j < n; j++) {
            pri[j] = hi;
            ticksLeft[j] = quantum[hi];
            allotLeft[j] = allot[hi];
            timeLeft[j] = jobs.get(j).run();
            firstRun[j] = -1;
            events.computeIfAbsent(jobs.get(j).start(), k -> new ArrayList<>()).add(new int[] {j, 0});
        }
        List<LinkedList<Integer>> queue = new ArrayList<>();
        for (int i = 0; i < nq; i++) {
            queue.add(new LinkedList<>());
        }
        List<Integer> ticks = new ArrayList<>();
        int finished = 0;
        for (int now = 0; finished < n; ) {
            if (o.boost() > 0 && now != 0 && now % o.boost() == 0) {
                for (int q = 0; q < nq - 1; q++) {
                    queue.get(hi).addAll(queue.get(q));
                    queue.get(q).clear();
                }
                for (int j = 0; j < n; j++) {
                    if (timeLeft[j] > 0) {
                        pri[j] = hi;
                        ticksLeft[j] = quantum[hi];
                        allotLeft[j] = allot[hi];
                    }
                }
            }
            for (int[] e : events.getOrDefault(now, List.of())) {
                if (o.ioBump() && e[1] == 1) {
                    queue.get(pri[e[0]]).addFirst(e[0]);
                } else {
                    queue.get(pri[e[0]]).addLast(e[0]);
                }
            }
            int cq = -1;
            for (int q = hi; q >= 0 && cq < 0; q--) {
                if (!queue.get(q).isEmpty()) {
                    cq = q;
                }
            }
            if (cq < 0) {
                ticks.add(-1);
                now++;
                continue;
            }
            int cj = queue.get(cq).getFirst();
            timeLeft[cj]--;
            int slice = --ticksLeft[cj];
            if (firstRun[cj] < 0) {
                firstRun[cj] = now;
            }
            ticks.add(cj);
            now++;
            if (timeLeft[cj] == 0) {
                finished++;
                end[cj] = now;
                queue.get(cq).removeFirst();
                continue;
            }
            Job job = jobs.get(cj);
            boolean issuedIo = job.ioFreq() > 0 && (job.run() - timeLeft[cj]) % job.ioFreq() == 0;
            if (issuedIo) {
                queue.get(cq).removeFirst();
                if (o.stay()) {
                    ticksLeft[cj] = quantum[cq];
                    allotLeft[cj] = allot[cq];
                }
                events.computeIfAbsent(now + o.ioTime(), k -> new ArrayList<>()).add(new int[] {cj, 1});
            }
            if (slice == 0) {
                if (!issuedIo) {
                    queue.get(cq).removeFirst();
                }
                int next = cq;
                if (--allotLeft[cj] == 0) {
                    next = Math.max(0, cq - 1);
                    pri[cj] = next;
                    allotLeft[cj] = allot[next];
                }
                ticksLeft[cj] = quantum[next];
                if (!issuedIo) {
                    queue.get(next).addLast(cj);
                }
            }
        }
        int[] response = new int[n];
        int[] turnaround = new int[n];
        for (int j = 0; j < n; j++) {
            response[j] = firstRun[j] - jobs.get(j).start();
            turnaround[j] = end[j] - jobs.get(j).start();
        }
        return new Outcome(ticks, response, turnaround);
    }

    /** The job list as an osim workload: job {@code j} is process {@code Jj}, its I/O of its own, as in the script. */
    static String workloadYaml(List<Job> jobs, int ioTime) {
        StringBuilder y = new StringBuilder("processes:\n");
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            List<String> bursts = new ArrayList<>();
            int left = job.run();
            while (job.ioFreq() > 0 && left > job.ioFreq()) {
                bursts.add("cpu " + job.ioFreq() + "ms");
                bursts.add("io " + ioTime + "ms");
                left -= job.ioFreq();
            }
            bursts.add("cpu " + left + "ms");
            y.append("  - { name: J").append(j).append(", arrival: ").append(job.start()).append(", bursts: [")
                    .append(String.join(", ", bursts)).append("] }\n");
        }
        return y.toString();
    }
}
