package org.osim.importers.ostep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.sched.StopReason;
import org.osim.api.trace.TraceEvent;

/**
 * The output of OSTEP's {@code x86.py} rebuilt from an osim run's trace: its {@code ARG} lines, the header, and a row
 * per instruction (the traced memory cells, registers and condition codes after it, then the thread's column, the
 * address and the instruction's text), with the {@code Interrupt} and {@code Halt;Switch} rows the {@code x86}
 * policy noted where it switched. Only the emulation-rate line of {@code -S}, a wall-clock figure, is left out.
 */
final class X86Trace {
    /** The order x86.py prints the condition codes in, as bits of the codes the trace carries: >= > <= < != ==. */
    private static final int[] CODES = {1, 2, 4, 8, 16, 32};

    private final X86Homework hw;
    private final StringBuilder out = new StringBuilder();
    private final long[][] registers;
    private final int[] codes;
    private final int[] nextPc;
    private final Map<Long, Long> memory = new HashMap<>();
    private final Map<String, Integer> thread = new HashMap<>();
    private long icount;

    X86Trace(X86Homework hw) {
        this.hw = hw;
        this.registers = new long[hw.threads()][];
        this.codes = new int[hw.threads()];
        this.nextPc = new int[hw.threads()];
        for (int k = 0; k < hw.threads(); k++) {
            registers[k] = hw.startRegisters(k);
            thread.put(hw.threadName(k), k);
        }
    }

    String render(List<TraceEvent> trace) {
        arguments();
        if (hw.locks()) {
            out.append('\n');
        }
        header();
        if (hw.locks()) {
            out.append('\n');
        }
        int current = hw.procsched().isEmpty() ? 0 : hw.procsched().charAt(0) - '0';
        values(current, true);
        for (TraceEvent e : trace) {
            if (e instanceof TraceEvent.InstructionExecuted x) {
                int k = thread.get(x.task());
                for (int i = 0; i < registers[k].length; i++) {
                    registers[k][i] = x.registers().get(i);
                }
                codes[k] = x.codes();
                nextPc[k] = x.nextPc();
                x.write().ifPresent(w -> memory.put((long) w.element(), w.value()));
                row(k, x.pc());
            } else if (e instanceof TraceEvent.Stopped s && thread.containsKey(s.task())
                    && (s.reason() == StopReason.EXITED || s.reason() == StopReason.YIELDED)) {
                int k = thread.get(s.task()); // halt or yield: instructions of the script's, system calls of osim's
                if (nextPc[k] < hw.assembly().texts().size()) {
                    row(k, nextPc[k]++);
                }
            } else if (e instanceof TraceEvent.PolicyNote n) {
                boolean halt = n.what().startsWith("halt switch to ");
                current = thread.get(n.what().substring(halt ? "halt switch to ".length() : "interrupt: ".length()));
                values(current, false);
                out.append((halt ? "----- Halt;Switch -----  " : "------ Interrupt ------  ").repeat(hw.threads())).append('\n');
            }
        }
        if (hw.printStats()) {
            out.append("\nSTATS:: Instructions    ").append(icount).append('\n');
        }
        return out.toString();
    }

    private void arguments() {
        line("seed", hw.seed());
        line("numthreads", hw.threads());
        line("program", hw.program());
        line("interrupt frequency", hw.interrupt());
        line("interrupt randomness", python(hw.random()));
        if (hw.locks()) {
            line("procsched", hw.procsched());
        }
        line("argv", hw.argvText());
        line("load address", hw.loadAddress());
        line("memsize", hw.memsize());
        line("memtrace", String.join(",", hw.memtrace()));
        line("regtrace", String.join(",", hw.regtrace()));
        line("cctrace", python(hw.cctrace()));
        line("printstats", python(hw.printStats()));
        line("verbose", "False");
        out.append('\n');
    }

    private void line(String what, Object value) {
        out.append("ARG ").append(what).append(' ').append(value).append('\n');
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }

    private void header() {
        if (hw.locks() && hw.printStats()) {
            out.append("icount ");
        }
        if (!hw.memtrace().isEmpty()) {
            for (String m : hw.memtrace()) {
                out.append(String.format("%5s ", m));
            }
            out.append("  ");
        }
        if (!hw.regtrace().isEmpty()) {
            for (String r : hw.regtrace()) {
                out.append(String.format("%5s ", r));
            }
            out.append("  ");
        }
        if (hw.cctrace()) {
            out.append(">= >  <= <  != == ");
        }
        for (int k = 0; k < hw.threads(); k++) {
            out.append(String.format("       Thread %d         ", k));
        }
        out.append('\n');
    }

    /** An instruction's row: the values after it, the thread's column, its address and text. */
    private void row(int k, int pc) {
        if (hw.headerCount() > 0 && icount > 0 && icount % hw.headerCount() == 0) {
            out.append('\n');
            header();
            out.append('\n');
            values(k, true);
        }
        dump(k, hw.assembly().texts().get(pc));
        values(k, false);
        out.append(" ".repeat(25 * k)).append(hw.loadAddress() + pc).append(' ').append(hw.assembly().texts().get(pc)).append('\n');
        icount++;
    }

    /** What {@code rdump} and {@code mdump N} print as they run, before their row (rdump's locks form has no newline). */
    private void dump(int k, String text) {
        String[] words = text.split("\\s+");
        if (words[0].equals("rdump")) {
            List<String> names = hw.locks() ? List.of("ax", "bx", "cx", "dx", "ex", "fx") : List.of("ax", "bx", "cx", "dx");
            out.append("REGISTERS::");
            for (String r : names) {
                out.append(' ').append(r).append(": ").append(registers[k][X86Assembly.REGISTERS.indexOf(r)]);
            }
            out.append(hw.locks() ? " " : "\n");
        } else if (words[0].equals("mdump") && words.length > 1 && words[1].matches("[0-9]+")) {
            long address = Long.parseLong(words[1]);
            out.append("m[").append(address).append("]  ").append(memory.getOrDefault(address, 0L)).append('\n');
        }
    }

    /** The traced values as thread {@code k} sees them; a line of its own only if {@code newline} and there are any. */
    private void values(int k, boolean newline) {
        if (hw.locks() && hw.printStats()) {
            out.append(String.format("%6d ", icount));
        }
        if (!hw.memtrace().isEmpty()) {
            for (String m : hw.memtrace()) {
                long address = Character.isDigit(m.charAt(0)) ? Long.parseLong(m) : hw.assembly().variables().get(m);
                value(memory.getOrDefault(address, 0L));
            }
            out.append("  ");
        }
        if (!hw.regtrace().isEmpty()) {
            for (String r : hw.regtrace()) {
                value(r.equals("zero") ? 0 : registers[k][X86Assembly.REGISTERS.indexOf(r)]);
            }
            out.append("  ");
        }
        if (hw.cctrace()) {
            for (int code : CODES) {
                out.append(!hw.compute() ? "?  " : (codes[k] & code) != 0 ? "1  " : "0  ");
            }
        }
        if (newline && (!hw.memtrace().isEmpty() || !hw.regtrace().isEmpty() || hw.cctrace())) {
            out.append('\n');
        }
    }

    private void value(long v) {
        out.append(hw.compute() ? String.format("%5d ", v) : "    ? ");
    }
}
