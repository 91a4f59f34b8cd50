package org.osim.workloads;

import java.io.IOException;
import java.util.List;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.UserSpec;
import org.osim.api.workload.Workload;

/**
 * Writes a workload as osim YAML that {@link WorkloadReader} reads back to the same workload: what {@code osim
 * import} shows of a file in another format. One process per line, so that a trace of many thousand jobs stays a
 * file one can read and edit.
 */
public final class WorkloadWriter {
    private WorkloadWriter() {}

    /**
     * Writes {@code w} to {@code out}.
     *
     * @throws OsimException ({@code BAD_INPUT}) for a part of the workload this writer has no YAML for yet (kernel
     *     objects, periodic tasks, messages, user-level threads, machine instructions), naming it
     */
    public static void write(Workload w, Appendable out) throws IOException {
        if (!w.shared().isEmpty() || !w.segments().isEmpty() || !w.parameters().isEmpty()) {
            throw cannot(w.name() + " declares shared memory or parameters");
        }
        out.append("name: ").append(quoted(w.name())).append('\n');
        if (!w.description().isEmpty()) {
            out.append("description: ").append(quoted(w.description())).append('\n');
        }
        machine(w.machine(), out);
        w.duration().ifPresent(d -> append(out, "duration: " + SimTime.format(d) + "\n"));
        w.scheduler().ifPresent(s -> append(out, "scheduler: " + quoted(s) + "\n"));
        if (!w.users().isEmpty()) {
            out.append("users: {");
            String sep = " ";
            for (UserSpec u : w.users()) {
                out.append(sep).append(quoted(u.name())).append(": ").append(Integer.toString(u.share()));
                sep = ", ";
            }
            out.append(" }\n");
        }
        if (!w.objects().isEmpty()) {
            out.append("objects:\n");
            for (org.osim.api.workload.ObjectSpec o : w.objects()) {
                out.append("  - { name: ").append(quoted(o.name())).append(", type: ").append(o.type());
                for (java.util.Map.Entry<String, String> e : o.params().entrySet()) {
                    out.append(", ").append(e.getKey()).append(": ").append(quoted(e.getValue()));
                }
                out.append(" }\n");
            }
        }
        out.append("processes:\n");
        StringBuilder line = new StringBuilder(160);
        for (ProcessSpec p : w.processes()) {
            line.setLength(0);
            process(p, line);
            out.append(line);
        }
    }

    private static void machine(MachineSpec m, Appendable out) throws IOException {
        out.append("machine: { cpus: ").append(Integer.toString(m.cpus()));
        if (!m.profile().equals(MachineSpec.DEFAULT.profile())) {
            out.append(", profile: ").append(m.profile());
        }
        if (m.tickNanos() > 0) {
            out.append(", tick: ").append(SimTime.format(m.tickNanos()));
        }
        if (m.userInterrupts()) {
            out.append(", userInterrupts: true");
        }
        if (m.bus()) {
            out.append(", bus: true");
        }
        if (m.interruptEvery() > 0) {
            out.append(", interrupts: random(").append(Integer.toString(m.interruptEvery())).append(')');
        }
        if (m.maxProcesses() != MachineSpec.MAX_PROCESSES) {
            out.append(", maxProcesses: ").append(Integer.toString(m.maxProcesses()));
        }
        if (m.maxUserProcesses() != m.maxProcesses()) {
            out.append(", maxUserProcesses: ").append(Integer.toString(m.maxUserProcesses()));
        }
        out.append(" }\n");
    }

    private static void process(ProcessSpec p, StringBuilder s) {
        if (!p.messages().isEmpty() || p.popup() || !p.threading().equals(ThreadingSpec.KERNEL)) {
            throw cannot("process " + p.name() + " receives messages or has user-level threads");
        }
        s.append("  - { name: ").append(quoted(p.name()));
        if (!p.programs().isEmpty()) {
            s.append(", programs: {");
            String sep = " ";
            for (java.util.Map.Entry<String, Program> e : new java.util.TreeMap<>(p.programs()).entrySet()) {
                s.append(sep).append(e.getKey()).append(": ").append(quoted(text(e.getValue(), p.name())));
                sep = ", ";
            }
            s.append(" }");
        }
        if (p.periodic().isPresent()) {
            realTime(p, p.periodic().get(), s);
            return;
        }
        if (p.arrival() > 0) {
            s.append(", arrival: ").append(SimTime.format(p.arrival()));
        }
        List<ThreadSpec> threads = p.threads();
        Program first = threads.get(0).program();
        boolean sameProgram = threads.stream().allMatch(t -> t.program() == first);
        if (p.gang() && threads.size() > 1 && sameProgram) {
            bursts(first, p.name(), s);
            s.append(", gang: ").append(threads.size());
        } else if (threads.size() == 1 && threads.get(0).name().equals(p.name())) {
            bursts(first, p.name(), s);
            if (p.gang()) {
                s.append(", gang: 1");
            }
        } else {
            if (p.gang()) {
                throw cannot("gang process " + p.name() + " runs different programs in its threads");
            }
            s.append(", threads: [");
            String sep = "";
            for (ThreadSpec t : threads) {
                s.append(sep).append("{ name: ").append(quoted(t.name().substring(p.name().length() + 1)));
                bursts(t.program(), t.name(), s);
                s.append(" }");
                sep = ", ";
            }
            s.append(']');
        }
        if (p.priority() != 0) {
            s.append(", priority: ").append(p.priority());
        }
        if (p.nice() != 0) {
            s.append(", nice: ").append(p.nice());
        }
        if (p.tickets() != 1) {
            s.append(", tickets: ").append(p.tickets());
        }
        if (!p.user().equals("default")) {
            s.append(", user: ").append(quoted(p.user()));
        }
        p.runtime().ifPresent(r -> s.append(", runtime: ").append(SimTime.format(r)));
        if (!p.affinity().isEmpty()) {
            s.append(", affinity: ").append(p.affinity());
        }
        s.append(" }\n");
    }

    /** A periodic task, or a sporadic one with its releases listed. */
    private static void realTime(ProcessSpec p, org.osim.api.workload.PeriodicSpec rt, StringBuilder s) {
        if (p.arrival() > 0) {
            s.append(", arrival: ").append(SimTime.format(p.arrival()));
        }
        bursts(p.threads().get(0).program(), p.name(), s);
        if (p.priority() != 0) {
            s.append(", priority: ").append(p.priority());
        }
        if (p.nice() != 0) {
            s.append(", nice: ").append(p.nice());
        }
        if (!p.affinity().isEmpty()) {
            s.append(", affinity: ").append(p.affinity());
        }
        if (rt.sporadic()) {
            s.append(", sporadic: { interval: ").append(SimTime.format(rt.period())).append(", releases: [");
            String sep = "";
            for (long r : rt.releases()) {
                s.append(sep).append(SimTime.format(r));
                sep = ", ";
            }
            s.append(']');
        } else {
            s.append(", periodic: { period: ").append(SimTime.format(rt.period()));
            rt.jobs().ifPresent(j -> s.append(", jobs: ").append(j));
        }
        s.append(", deadline: ").append(SimTime.format(rt.deadline()));
        if (rt.abortOnMiss()) {
            s.append(", abortOnMiss: true");
        }
        s.append(" } }\n");
    }

    /**
     * {@code , bursts: [cpu 8ms, io 10ms]} for bursts and yields, else {@code , program: "…"} for instructions whose
     * text reads back to them; and the repeat count.
     */
    private static void bursts(Program program, String owner, StringBuilder s) {
        boolean bursts = program.instructions().stream().allMatch(i -> i instanceof Instruction.Compute
                || i instanceof Instruction.Io || i instanceof Instruction.Sleep || i instanceof Instruction.Yield);
        if (!bursts) {
            s.append(", program: ").append(quoted(text(new Program(program.instructions()), owner)));
            if (program.times() > 1) {
                s.append(", repeat: ").append(program.times());
            }
            return;
        }
        s.append(", bursts: [");
        String sep = "";
        for (Instruction i : program.instructions()) {
            if (!(i instanceof Instruction.Compute || i instanceof Instruction.Io || i instanceof Instruction.Sleep
                    || i instanceof Instruction.Yield)) {
                throw cannot(owner + " runs '" + i + "', which is not a cpu, io or sleep burst or a yield");
            }
            s.append(sep).append(i);
            sep = ", ";
        }
        s.append(']');
        if (program.times() > 1) {
            s.append(", repeat: ").append(program.times());
        }
    }

    /** A program's text, {@code a; b; c}, checked to read back to the same instructions. */
    private static String text(Program program, String owner) {
        StringBuilder t = new StringBuilder();
        for (Instruction i : program.instructions()) {
            String one = i.toString();
            Instruction back;
            try {
                back = org.osim.api.program.ProgramText.parseInstruction(one);
            } catch (RuntimeException e) {
                back = null;
            }
            if (!i.equals(back)) {
                throw cannot(owner + " runs '" + one + "', which has no text that reads back to it");
            }
            t.append(t.length() == 0 ? "" : "; ").append(one);
        }
        if (program.times() > 1) {
            throw cannot(owner + " has a named program repeated " + program.times() + " times");
        }
        return t.toString();
    }

    /** A YAML double-quoted scalar: a name such as {@code yes} or {@code 12} stays a string. */
    private static String quoted(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }

    private static void append(Appendable out, String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OsimException cannot(String what) {
        return OsimException.badInput("osim import writes workloads of programs in the coarse instruction set, threads, gangs, real-time tasks and kernel objects; " + what);
    }
}
