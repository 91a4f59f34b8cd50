package org.osim.importers.ostep;

import org.osim.api.PythonRandom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * OSTEP's {@code cpu-sched-mlfq/mlfq.py}, read from its own flags ({@code -s -n -q -a -Q -A -j -m -M -B -i -S -I -l
 * -c}), run under {@code mlfq variant=ostep}, which follows the script to the tick. Jobs are drawn as the script
 * draws them (run time, then I/O frequency, per job) or given with {@code -l start,run,ioFreq:…}; one time unit of
 * the script is a millisecond, and a job does {@code -i} ms of I/O after every {@code ioFreq} ms of CPU.
 *
 * @param jobs each job's {start, run time, I/O frequency}
 * @param quantum each level's quantum, highest level first
 * @param allotment each level's allotment in slices, highest first
 */
public record MlfqHomework(List<int[]> jobs, List<Integer> quantum, List<Integer> allotment, int boost, int ioTime, boolean stay,
                           boolean ioBump) implements Homework {
    public MlfqHomework {
        jobs = List.copyOf(jobs);
        quantum = List.copyOf(quantum);
        allotment = List.copyOf(allotment);
    }

    public static MlfqHomework parse(List<String> args) {
        OptparseFlags f = new OptparseFlags("mlfq.py", List.of("-s seed", "-n numQueues", "-q quantum", "-a allotment",
                "-Q quantumList", "-A allotmentList", "-j numJobs", "-m maxlen", "-M maxio", "-B boost", "-i iotime", "-S stay!",
                "-I iobump!", "-l jlist", "-c compute!"), args);
        int queues = (int) f.integer("numQueues", 3);
        List<Integer> quantum = new ArrayList<>();
        String ql = f.text("quantumList", "");
        if (!ql.isEmpty()) {
            for (String q : ql.split(",")) {
                quantum.add(positive(f, (int) OptparseNumbers.integer(q, "mlfq.py", "-Q"), "-Q: every quantum"));
            }
            queues = quantum.size();
        } else {
            int q = positive(f, (int) f.integer("quantum", 10), "-q: the quantum");
            for (int i = 0; i < queues; i++) {
                quantum.add(q);
            }
        }
        if (queues < 1) {
            throw f.bad("-n: at least one queue, got " + queues);
        }
        List<Integer> allotment = new ArrayList<>();
        String al = f.text("allotmentList", "");
        if (!al.isEmpty()) {
            String[] parts = al.split(",");
            if (parts.length != queues) {
                throw f.bad("-A: " + parts.length + " allotments for " + queues + " queues (give one per queue)");
            }
            for (int i = 0; i < parts.length; i++) {
                int a = (int) OptparseNumbers.integer(parts[i], "mlfq.py", "-A");
                if (a <= 0 && i < parts.length - 1) {
                    throw f.bad("-A: every allotment above the lowest queue must be above 0, got " + a);
                }
                allotment.add(Math.max(1, a)); // the lowest level keeps its jobs whatever its allotment
            }
        } else {
            int a = (int) f.integer("allotment", 1);
            for (int i = 0; i < queues; i++) {
                allotment.add(Math.max(1, a));
            }
        }
        int boost = (int) f.integer("boost", 0);
        int ioTime = (int) f.integer("iotime", 5);
        List<int[]> jobs = new ArrayList<>();
        String jl = f.text("jlist", "");
        if (!jl.isEmpty()) {
            for (String job : jl.split(":")) {
                String[] p = job.split(",");
                if (p.length != 3) {
                    throw f.bad("-l: each job is start,run,ioFreq (jobs separated by ':'), got '" + job + "'");
                }
                jobs.add(new int[] {(int) OptparseNumbers.integer(p[0], "mlfq.py", "-l"), (int) OptparseNumbers.integer(p[1], "mlfq.py", "-l"),
                    (int) OptparseNumbers.integer(p[2], "mlfq.py", "-l")});
            }
        } else {
            PythonRandom random = new PythonRandom(f.integer("seed", 0));
            int maxlen = (int) f.integer("maxlen", 100);
            int maxio = (int) f.integer("maxio", 10);
            for (int k = 0, n = (int) f.integer("numJobs", 3); k < n; k++) {
                int run = (int) (random.random() * (maxlen - 1) + 1);
                int io = (int) (random.random() * (maxio - 1) + 1);
                jobs.add(new int[] {0, run, io});
            }
        }
        for (int[] j : jobs) {
            if (j[0] < 0 || j[1] < 1 || j[2] < 0) {
                throw f.bad("a job needs a start of 0 or more, a run time of 1 or more and an I/O frequency of 0 or more");
            }
            if (j[2] > 0 && j[2] < j[1] && ioTime < 1) {
                throw f.bad("-i: osim's I/O takes at least 1 ms, got " + ioTime);
            }
        }
        if (boost < 0) {
            throw f.bad("-B: the boost period cannot be negative");
        }
        return new MlfqHomework(jobs, quantum, allotment, boost, ioTime, f.flag("stay"), f.flag("iobump"));
    }

    private static int positive(OptparseFlags f, int v, String what) {
        if (v < 1) {
            throw f.bad(what + " must be at least 1, got " + v);
        }
        return v;
    }

    /** Job {@code j} is process {@code j}, arriving at its start, with {@code -i} ms of I/O after every ioFreq ms of CPU. */
    @Override
    public Workload workload() {
        List<ProcessSpec> ps = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            int[] job = jobs.get(j);
            List<Instruction> bursts = new ArrayList<>();
            int left = job[1];
            while (job[2] > 0 && left > job[2]) {
                bursts.add(new Instruction.Compute(job[2] * MS));
                bursts.add(new Instruction.Io(java.util.Optional.empty(), ioTime * MS));
                left -= job[2];
            }
            bursts.add(new Instruction.Compute(left * MS));
            ps.add(ProcessSpec.of(String.valueOf(j), job[0] * MS, new Program(bursts)));
        }
        return Workload.of("mlfq.py", ps);
    }

    @Override
    public String scheduler() {
        return "mlfq";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("variant", "ostep");
        p.put("queues", String.valueOf(quantum.size()));
        p.put("quantum", String.join("/", quantum.stream().map(q -> q + "ms").toList()));
        p.put("allotment", String.join("/", allotment.stream().map(String::valueOf).toList()));
        p.put("boost", boost + "ms");
        p.put("keepOnIo", String.valueOf(stay));
        p.put("ioToFront", String.valueOf(ioBump));
        return p;
    }

    /** The script's "Final statistics": a line per job by id, then the means ({@code Avg} carries the last job's id, as there). */
    @Override
    public String finalStatistics(RunResult r, java.util.List<org.osim.api.trace.TraceEvent> trace) {
        StringBuilder out = new StringBuilder("Final statistics:\n");
        double response = 0;
        double turnaround = 0;
        for (int j = 0; j < jobs.size(); j++) {
            TaskResult t = r.process(String.valueOf(j)).orElseThrow();
            long rs = t.response().orElseThrow() / MS;
            long ta = t.turnaround().orElseThrow() / MS;
            response += rs;
            turnaround += ta;
            out.append(String.format(java.util.Locale.ROOT, "  Job %2d: startTime %3d - response %3d - turnaround %3d%n", j, jobs.get(j)[0],
                    rs, ta));
        }
        int n = jobs.size();
        out.append(String.format(java.util.Locale.ROOT, "%n  Avg %2d: startTime n/a - response %s - turnaround %s%n%n", n - 1,
                Homework.f2(response / n).strip(), Homework.f2(turnaround / n).strip()));
        return out.toString();
    }

    private static final long MS = 1_000_000;
}
