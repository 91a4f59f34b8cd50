package org.osim.api.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osim.api.SimTime;

/**
 * The text form of programs: one instruction per line or separated by {@code ;}, {@code #} starts a
 * comment. The coarse instructions are {@code cpu D}, {@code io [device] D}, {@code sleep D},
 * {@code yield}, {@code exit [code]}, {@code fault KIND}, {@code spawn P}, {@code join [P]},
 * {@code fork P}, {@code wait}, {@code kill PROCESS}, {@code setpriority PROCESS N} and
 * {@code call OBJECT.OP [args]}.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public final class ProgramText {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/#]*");

    private ProgramText() {}

    /** Parses a whole program. */
    public static Program parse(String text) {
        return parseWithPlaces(text).program();
    }

    /** Where an instruction stands in the text, 1-based. */
    public record Place(int line, int column) {}

    /** A parsed program and, for each of its instructions, where it stands in the text. */
    public record Parsed(Program program, List<Place> places) {
        public Parsed {
            places = List.copyOf(places);
        }
    }

    /** Parses a whole program, keeping each instruction's place (for checks that report where). */
    public static Parsed parseWithPlaces(String text) {
        List<Instruction> out = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        java.util.Map<String, Integer> labels = new java.util.HashMap<>();
        java.util.Map<String, Long> constants = new java.util.HashMap<>();
        List<int[]> jumps = new ArrayList<>(); // {index, line, column}
        List<String> jumpLabels = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            int start = 0;
            while (start <= code.length()) {
                int semi = code.indexOf(';', start);
                int end = semi < 0 ? code.length() : semi;
                String part = code.substring(start, end);
                int column = start + 1;
                // labels: "loop:" before an instruction, or alone on a line
                for (java.util.regex.Matcher m; part.indexOf(':') >= 0 && !part.isBlank() && (m = LABEL.matcher(part)).lookingAt(); ) {
                    String label = m.group(1);
                    if (labels.putIfAbsent(label, out.size()) != null) {
                        throw new ProgramSyntaxException(ln + 1, column + m.start(1), "label '" + label + "' is defined twice");
                    }
                    column += m.end();
                    part = part.substring(m.end());
                }
                if (!part.isBlank()) {
                    int lead = 0;
                    while (Character.isWhitespace(part.charAt(lead))) {
                        lead++;
                    }
                    String[] w = WHITESPACE.split(part.strip());
                    if (w[0].equals(".equ")) { // a named constant, for the instructions after it
                        if (w.length != 3 || !w[1].matches("[A-Za-z_][A-Za-z0-9_]*") || !w[2].matches("-?[0-9]+")) {
                            throw new ProgramSyntaxException(ln + 1, column + lead, "expected .equ NAME VALUE, e.g. .equ N 4");
                        }
                        constants.put(w[1], Long.parseLong(w[2]));
                        if (semi < 0) {
                            break;
                        }
                        start = semi + 1;
                        continue;
                    }
                    Instruction in = parseInstruction(part, ln + 1, column + lead, constants);
                    if (in instanceof Instruction.Machine m && m.target() < 0 && Assembler.isJump(m.op().mnemonic())) {
                        String label = ((Operand.Memory) m.operands().get(0)).word();
                        jumps.add(new int[] {out.size(), ln + 1, column + lead + part.strip().indexOf(label, m.op().mnemonic().length())});
                        jumpLabels.add(label);
                    }
                    if (in instanceof Instruction.Handle h && h.handler()) { // the handler's label, resolved as a jump's
                        jumps.add(new int[] {out.size(), ln + 1, column + lead + part.strip().lastIndexOf(h.action())});
                        jumpLabels.add(h.action());
                    }
                    out.add(in);
                    places.add(new Place(ln + 1, column + lead));
                }
                if (semi < 0) {
                    break;
                }
                start = semi + 1;
            }
        }
        for (int j = 0; j < jumps.size(); j++) {
            int[] at = jumps.get(j);
            Integer target = labels.get(jumpLabels.get(j));
            if (target == null) {
                throw new ProgramSyntaxException(at[1], at[2], "no label '" + jumpLabels.get(j) + "' in this program"
                        + (labels.isEmpty() ? "" : " (labels: " + String.join(", ", new java.util.TreeSet<>(labels.keySet())) + ")"));
            }
            if (out.get(at[0]) instanceof Instruction.Handle h) {
                out.set(at[0], new Instruction.Handle(h.signal(), h.action(), target));
                continue;
            }
            Instruction.Machine m = (Instruction.Machine) out.get(at[0]);
            out.set(at[0], new Instruction.Machine(m.op(), m.operands(), target, m.text()));
        }
        return new Parsed(new Program(out), places);
    }

    /** Compiled once: a trace of a million jobs parses a million instructions. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LABEL = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*):(?=\\s|$)");

    /** Parses one instruction such as {@code "io disk 10ms"}; positions in errors are line 1. */
    public static Instruction parseInstruction(String text) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        return parseInstruction(text, 1, lead + 1);
    }

    /**
     * The instruction {@code text} is if it is a burst in its plainest form — {@code cpu D}, {@code sleep D},
     * {@code io D} or {@code io DEVICE D}, one space between words, a duration above zero — as {@link #parseInstruction}
     * would read it; empty for anything else (which {@link #parseInstruction} reads, or reports). A trace's bursts are
     * read this way without the general parser's work.
     */
    public static Optional<Instruction> burst(String text) {
        int sp = text.indexOf(' ');
        if (sp < 0) {
            return Optional.empty();
        }
        String op = text.substring(0, sp);
        if (!op.equals("cpu") && !op.equals("sleep") && !op.equals("io")) {
            return Optional.empty();
        }
        int sp2 = text.indexOf(' ', sp + 1);
        String device = null;
        String duration = text.substring(sp + 1);
        if (sp2 >= 0) {
            if (!op.equals("io") || text.indexOf(' ', sp2 + 1) >= 0) {
                return Optional.empty();
            }
            device = text.substring(sp + 1, sp2);
            duration = text.substring(sp2 + 1);
            if (!plainName(device)) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < duration.length(); i++) {
            char c = duration.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.')) {
                return Optional.empty(); // blanks, signs, separators: the general parser decides
            }
        }
        long nanos;
        try {
            nanos = SimTime.parse(duration);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (nanos <= 0) {
            return Optional.empty();
        }
        return Optional.of(switch (op) {
            case "cpu" -> new Instruction.Compute(nanos);
            case "sleep" -> new Instruction.Sleep(nanos);
            default -> new Instruction.Io(Optional.ofNullable(device), nanos);
        });
    }

    /** A device name of letters, digits, {@code _} and {@code -}, starting with a letter or {@code _}: one NAME matches. */
    private static boolean plainName(String v) {
        if (v.isEmpty() || !(Character.isLetter(v.charAt(0)) || v.charAt(0) == '_') || v.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Instruction parseInstruction(String text, int line, int column) {
        return parseInstruction(text, line, column, java.util.Map.of());
    }

    private static Instruction parseInstruction(String text, int line, int column, java.util.Map<String, Long> constants) {
        String[] words = WHITESPACE.split(text.strip());
        String op = words[0];
        List<String> args = Arrays.asList(words).subList(1, words.length);
        Parser p = new Parser(text.strip(), line, column);
        return switch (op) {
            case "cpu" -> new Instruction.Compute(p.positiveDuration(args, 0, 1, "cpu DURATION, e.g. cpu 5ms"));
            case "sleep" -> new Instruction.Sleep(p.positiveDuration(args, 0, 1, "sleep DURATION, e.g. sleep 20ms"));
            case "io" -> {
                if (args.size() == 1) {
                    yield new Instruction.Io(Optional.empty(), p.positiveDuration(args, 0, 1, "io [DEVICE] DURATION"));
                }
                p.arity(args, 2, 2, "io [DEVICE] DURATION, e.g. io disk 10ms");
                yield new Instruction.Io(Optional.of(p.name(args, 0, "device")), p.positiveDuration(args, 1, 2, "io [DEVICE] DURATION"));
            }
            case "yield" -> {
                p.arity(args, 0, 0, "yield (no operands)");
                yield new Instruction.Yield();
            }
            case "serve" -> {
                p.arity(args, 0, 1, "serve [async]");
                if (!args.isEmpty() && !args.get(0).equals("async")) {
                    throw p.error(1, "expected 'async' or nothing after serve, got '" + args.get(0) + "'");
                }
                yield new Instruction.Serve(!args.isEmpty());
            }
            case "processors" -> {
                p.arity(args, 1, 1, "processors N");
                int n = p.integer(args, 0, "number of processors");
                if (n < 1) {
                    throw p.error(1, "expected at least 1 processor, got " + n);
                }
                yield new Instruction.Processors(n);
            }
            case "thread_exit" -> {
                p.arity(args, 0, 0, "thread_exit (no operands)");
                yield new Instruction.ThreadExit();
            }
            case "wait" -> {
                p.arity(args, 0, 0, "wait (no operands)");
                yield new Instruction.Wait();
            }
            case "exit" -> {
                p.arity(args, 0, 1, "exit [CODE]");
                yield new Instruction.Exit(args.isEmpty() ? 0 : p.integer(args, 0, "exit code"));
            }
            case "fault" -> {
                p.arity(args, 1, 1, "fault KIND, e.g. fault illegal-instruction");
                yield new Instruction.Fault(p.name(args, 0, "fault kind"));
            }
            case "spawn" -> {
                p.arity(args, 1, 1, "spawn PROGRAM");
                yield new Instruction.Spawn(p.name(args, 0, "program name"));
            }
            case "join" -> {
                p.arity(args, 0, 1, "join [PROGRAM]");
                yield new Instruction.Join(args.isEmpty() ? Optional.empty() : Optional.of(p.name(args, 0, "program name")));
            }
            case "fork" -> {
                p.arity(args, 1, 1, "fork PROGRAM");
                yield new Instruction.Fork(p.name(args, 0, "program name"));
            }
            case "attach" -> {
                p.arity(args, 1, 1, "attach SEGMENT");
                yield new Instruction.Attach(p.name(args, 0, "segment name"));
            }
            case "detach" -> {
                p.arity(args, 1, 1, "detach SEGMENT");
                yield new Instruction.Detach(p.name(args, 0, "segment name"));
            }
            case "signal" -> {
                p.arity(args, 2, 2, "signal SIG TARGET, e.g. signal SIGUSR1 consumer, signal SIGTERM group:shell");
                String target = args.get(1);
                if (!target.matches("self|(group:)?[A-Za-z][A-Za-z0-9_/-]*")) {
                    throw p.error(2, "expected a process, self or group:LEADER, got '" + target + "'");
                }
                yield new Instruction.SendSignal(p.signal(args, 0), target);
            }
            case "handle" -> {
                p.arity(args, 2, 2, "handle SIG LABEL|ignore|default, e.g. handle SIGUSR1 on_usr1");
                Signal sig = p.signal(args, 0);
                String action = p.name(args, 1, "label, ignore or default");
                if (!sig.catchable() && !action.equals("default")) {
                    throw p.error(1, "SIGKILL cannot be caught or ignored");
                }
                yield new Instruction.Handle(sig, action, -1);
            }
            case "block", "unblock" -> {
                p.arity(args, 1, 1, op + " SIG, e.g. " + op + " SIGUSR1");
                Signal sig = p.signal(args, 0);
                if (!sig.catchable()) {
                    throw p.error(1, "SIGKILL cannot be blocked");
                }
                yield new Instruction.MaskSignal(sig, op.equals("block"));
            }
            case "pause" -> {
                p.arity(args, 0, 0, "pause (no operands)");
                yield new Instruction.Pause();
            }
            case "sigreturn" -> {
                p.arity(args, 0, 0, "sigreturn (no operands)");
                yield new Instruction.SigReturn();
            }
            case "kill" -> {
                p.arity(args, 1, 1, "kill PROCESS");
                yield new Instruction.Kill(p.name(args, 0, "process name"));
            }
            case "setpriority" -> {
                p.arity(args, 2, 2, "setpriority PROCESS PRIORITY, e.g. setpriority A/worker 3");
                yield new Instruction.SetPriority(p.name(args, 0, "process name or self"), p.integer(args, 1, "priority"));
            }
            case "call" -> {
                p.arity(args, 1, Integer.MAX_VALUE, "call OBJECT.OPERATION [ARGS], or call LABEL");
                String target = args.get(0);
                int dot = target.lastIndexOf('.');
                if (dot < 0 && args.size() == 1 && target.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    // a subroutine call: the label is resolved with the program's others
                    yield new Instruction.Machine(MachineOp.CALL, List.of(new Operand.Memory(target, 0, -1)), -1, "call " + target);
                }
                if (dot <= 0 || dot == target.length() - 1) {
                    throw p.error(1, "expected OBJECT.OPERATION (call mutex.down) or a label (call enter_region), got '" + target + "'");
                }
                yield new Instruction.Call(target.substring(0, dot), target.substring(dot + 1), args.subList(1, args.size()));
            }
            case "waitfor" -> {
                p.arity(args, 1, Integer.MAX_VALUE, "waitfor [any|all] OBJECT... [timeout=DURATION]");
                int from = 0;
                boolean all = false;
                if (args.get(0).equals("any") || args.get(0).equals("all")) {
                    all = args.get(0).equals("all");
                    from = 1;
                }
                long timeout = Long.MAX_VALUE;
                List<String> objects = new java.util.ArrayList<>();
                for (int i = from; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.startsWith("timeout=")) {
                        try {
                            timeout = SimTime.parse(a.substring("timeout=".length()));
                        } catch (IllegalArgumentException e) {
                            throw p.error(i + 1, e.getMessage());
                        }
                        if (timeout <= 0) {
                            throw p.error(i + 1, "expected a time-out greater than zero, got '" + a + "'");
                        }
                    } else {
                        objects.add(p.name(args, i, "kernel object name"));
                    }
                }
                if (objects.isEmpty()) {
                    throw p.error(0, "waitfor names no object: expected waitfor [any|all] OBJECT... [timeout=DURATION]");
                }
                yield new Instruction.WaitFor(all, objects, timeout);
            }
            default -> {
                if (Assembler.isMnemonic(op)) {
                    String stripped = text.strip();
                    yield Assembler.parse(op, stripped.substring(op.length()), line, column, column + op.length(), constants);
                }
                throw new ProgramSyntaxException(line, column, "unknown instruction '" + op
                    + "' (expected cpu, io, sleep, yield, exit, thread_exit, fault, spawn, join, fork, wait, kill, setpriority, serve, "
                    + "processors, call, waitfor, or a machine instruction: load, store, mov, add, sub, cmp, jmp, jz, jnz, jl, jge, tsl, xchg, cas, fetchadd, cli, sti, ret, fast, want, enter, leave, .word)");
            }
        };
    }

    /** Positions and messages for one instruction's operands. */
    private record Parser(String text, int line, int column) {
        void arity(List<String> args, int min, int max, String form) {
            if (args.size() < min || args.size() > max) {
                throw new ProgramSyntaxException(line, column, "expected " + form + ", got '" + text + "'");
            }
        }

        long positiveDuration(List<String> args, int index, int arity, String form) {
            arity(args, arity, arity, form);
            long nanos;
            try {
                nanos = SimTime.parse(args.get(index));
            } catch (IllegalArgumentException e) {
                throw error(index + 1, e.getMessage());
            }
            if (nanos <= 0) {
                throw error(index + 1, "expected a duration greater than zero, got '" + args.get(index) + "'");
            }
            return nanos;
        }

        int integer(List<String> args, int index, String what) {
            try {
                return Integer.parseInt(args.get(index));
            } catch (NumberFormatException e) {
                throw error(index + 1, "expected a whole number for the " + what + ", got '" + args.get(index) + "'");
            }
        }

        String name(List<String> args, int index, String what) {
            String v = args.get(index);
            if (!NAME.matcher(v).matches()) {
                throw error(index + 1, "expected a " + what + " (letters, digits, _ - . /), got '" + v + "'");
            }
            return v;
        }

        /** An error at the {@code word}-th word of the instruction (0 = the operation). */
        Signal signal(List<String> args, int index) {
            return Signal.parse(args.get(index)).orElseThrow(() -> error(index + 1, "expected a signal ("
                    + java.util.Arrays.stream(Signal.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "))
                    + "), got '" + args.get(index) + "'"));
        }

        ProgramSyntaxException error(int word, String problem) {
            int offset = 0;
            int seen = -1;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean ws = Character.isWhitespace(text.charAt(i));
                if (!ws && !inWord) {
                    seen++;
                    if (seen == word) {
                        offset = i;
                        break;
                    }
                }
                inWord = !ws;
            }
            return new ProgramSyntaxException(line, column + offset, problem);
        }
    }
}
