package org.osim.importers.ostep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.PythonRandom;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * OSTEP's {@code cpu-intro/process-run.py}, read from its own flags ({@code -s -l -P -L -S -I -c -p}), run under the
 * {@code process-run} policy. Every instruction takes a tick (a millisecond) of CPU: {@code cpu}; {@code io}, after
 * which the process waits {@code -L} ticks for its device; and the {@code io_done} that follows. {@code -l X:Y}
 * draws each of X instructions as the script does (cpu when {@code random() < Y/100}).
 *
 * @param programs each process's instructions: {@code cpu}, {@code io}, {@code io_done}
 */
public record ProcessRunHomework(List<List<String>> programs, int ioLength, boolean switchOnIo, boolean immediate,
                                 boolean printStats) implements Homework {
    private static final long MS = 1_000_000;

    public ProcessRunHomework {
        programs = programs.stream().map(List::copyOf).toList();
    }

    public static ProcessRunHomework parse(List<String> args) {
        OptparseFlags f = new OptparseFlags("process-run.py", List.of("-s seed", "-l processlist", "-P program", "-L iolength",
                "-S switch", "-I iodone", "-c solve!", "-p printstats!"), args);
        int ioLength = (int) f.integer("iolength", 5);
        if (ioLength < 1) {
            throw f.bad("-L: osim's I/O takes at least 1 ms, got " + ioLength);
        }
        String sw = f.text("switch", "SWITCH_ON_IO");
        String done = f.text("iodone", "IO_RUN_LATER");
        if (!sw.equals("SWITCH_ON_IO") && !sw.equals("SWITCH_ON_END")) {
            throw f.bad("-S: SWITCH_ON_IO or SWITCH_ON_END, got '" + sw + "'");
        }
        if (!done.equals("IO_RUN_LATER") && !done.equals("IO_RUN_IMMEDIATE")) {
            throw f.bad("-I: IO_RUN_LATER or IO_RUN_IMMEDIATE, got '" + done + "'");
        }
        List<List<String>> programs = new ArrayList<>();
        String program = f.text("program", "");
        String list = f.text("processlist", "");
        if (!program.isEmpty()) {
            for (String p : program.split(":")) {
                List<String> ops = new ArrayList<>();
                for (String op : p.split(",")) {
                    if (op.startsWith("c")) {
                        int n = (int) OptparseNumbers.integer(op.substring(1), "process-run.py", "-P");
                        for (int i = 0; i < n; i++) {
                            ops.add("cpu");
                        }
                    } else if (op.startsWith("i")) {
                        ops.add("io");
                        ops.add("io_done");
                    } else {
                        throw f.bad("-P: each operation is cN (N cpu instructions) or i (an I/O), got '" + op + "'");
                    }
                }
                programs.add(ops);
            }
        } else if (!list.isEmpty()) {
            PythonRandom random = new PythonRandom(f.integer("seed", 0));
            for (String p : list.split(",")) {
                String[] xy = p.split(":");
                if (xy.length != 2) {
                    throw f.bad("-l: each process is X:Y (X instructions, Y percent of them cpu), got '" + p + "'");
                }
                int x = (int) OptparseNumbers.integer(xy[0], "process-run.py", "-l");
                double y;
                try {
                    y = Double.parseDouble(xy[1]);
                } catch (NumberFormatException e) {
                    throw f.bad("-l: the cpu percentage is a number, got '" + xy[1] + "'");
                }
                List<String> ops = new ArrayList<>();
                for (int i = 0; i < x; i++) {
                    if (random.random() < y / 100.0) {
                        ops.add("cpu");
                    } else {
                        ops.add("io");
                        ops.add("io_done");
                    }
                }
                programs.add(ops);
            }
        } else {
            throw f.bad("give the processes with -l X:Y,… or -P c3,i,c2:…");
        }
        for (List<String> p : programs) {
            if (p.isEmpty()) {
                throw f.bad("a process needs at least one instruction");
            }
        }
        return new ProcessRunHomework(programs, ioLength, sw.equals("SWITCH_ON_IO"), done.equals("IO_RUN_IMMEDIATE"),
                f.flag("printstats"));
    }

    /** Process {@code k} is process {@code k}: a tick of CPU per instruction, and {@code -L} ms of I/O after each io. */
    @Override
    public Workload workload() {
        List<ProcessSpec> ps = new ArrayList<>();
        for (int k = 0; k < programs.size(); k++) {
            List<Instruction> is = new ArrayList<>();
            long cpu = 0;
            for (String op : programs.get(k)) {
                cpu++;
                if (op.equals("io")) {
                    is.add(new Instruction.Compute(cpu * MS));
                    is.add(new Instruction.Io(java.util.Optional.empty(), ioLength * MS));
                    cpu = 0;
                }
            }
            if (cpu > 0) {
                is.add(new Instruction.Compute(cpu * MS));
            }
            ps.add(ProcessSpec.of(String.valueOf(k), 0, new Program(is)));
        }
        return Workload.of("process-run.py", ps);
    }

    @Override
    public String scheduler() {
        return "process-run";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("switch", switchOnIo ? "io" : "end");
        p.put("ioDone", immediate ? "immediate" : "later");
        return p;
    }

    /** The script's trace with {@code -c} (a row per tick: each process's state, CPU and I/Os), and with {@code -p} its stats. */
    @Override
    public String finalStatistics(RunResult r, java.util.List<org.osim.api.trace.TraceEvent> trace) {
        int n = programs.size();
        int total = 0;
        for (TaskResult t : r.processes()) {
            total = Math.max(total, (int) (t.completion().orElseThrow() / MS));
        }
        String[][] cell = new String[total + 2][n];
        boolean[] completes = new boolean[total + 2];
        int[] ios = new int[total + 2];
        for (int k = 0; k < n; k++) {
            int[] step = {0};
            List<String> ops = programs.get(k);
            for (SliceRecord s : r.slices()) {
                if (!s.task().equals(String.valueOf(k))) {
                    continue;
                }
                for (long t = s.start() / MS + 1; t <= s.end() / MS; t++) {
                    String op = ops.get(step[0]++);
                    cell[(int) t][k] = "RUN:" + op;
                    if (op.equals("io")) {
                        for (long b = t + 1; b <= t + ioLength && b <= total; b++) {
                            cell[(int) b][k] = "BLOCKED";
                            ios[(int) b]++;
                        }
                        if (t + ioLength + 1 <= total) {
                            completes[(int) (t + ioLength + 1)] = true;
                        }
                    }
                }
            }
            int end = (int) (r.processes().get(k).completion().orElseThrow() / MS);
            for (int t = 1; t <= total; t++) {
                if (cell[t][k] == null) {
                    cell[t][k] = t > end ? "DONE" : "READY";
                }
            }
        }
        StringBuilder out = new StringBuilder("Time");
        for (int k = 0; k < n; k++) {
            out.append(String.format("%14s", String.format("PID:%2d", k)));
        }
        out.append(String.format("%14s%14s%n", "CPU", "IOs"));
        int cpuBusy = 0;
        int ioBusy = 0;
        for (int t = 1; t <= total; t++) {
            out.append(String.format("%3d", t)).append(completes[t] ? '*' : ' ');
            boolean busy = false;
            for (int k = 0; k < n; k++) {
                out.append(String.format("%14s", cell[t][k]));
                busy |= cell[t][k].startsWith("RUN:");
            }
            cpuBusy += busy ? 1 : 0;
            ioBusy += ios[t] > 0 ? 1 : 0;
            out.append(String.format("%14s", busy ? "1" : " ")).append(ios[t] > 0 ? String.format("%14s", ios[t]) : " ".repeat(10))
                    .append('\n');
        }
        if (printStats) {
            out.append('\n').append("Stats: Total Time ").append(total).append('\n')
                    .append(String.format(java.util.Locale.ROOT, "Stats: CPU Busy %d (%.2f%%)%n", cpuBusy, 100.0 * cpuBusy / total))
                    .append(String.format(java.util.Locale.ROOT, "Stats: IO Busy  %d (%.2f%%)%n", ioBusy, 100.0 * ioBusy / total));
        }
        return out.append('\n').toString();
    }
}
