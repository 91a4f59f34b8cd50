package org.osim.importers.ostep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.program.Instruction;
import org.osim.api.program.MachineOp;
import org.osim.api.program.Operand;

/**
 * A {@code .s} file of OSTEP's {@code x86.py} assembled as the script does (two passes): {@code .var} data from
 * address 100, four apart; labels; one instruction per address from the load address. Each instruction becomes one
 * osim machine instruction of the x86 dialect over the flat memory word {@value #MEMORY} (the stack pointer is r6),
 * {@code halt} a thread exit and {@code yield} a yield. The script's quirks are kept: in the threads-intro version an
 * immediate is one digit; only {@code mov} of the threads-locks version reads a two-register memory operand (elsewhere
 * its second register and scale are dropped, or, as a source, the line is refused).
 *
 * @param instructions one per address from the load address
 * @param texts what the trace prints for each: the source line without its comment, trimmed
 * @param variables each {@code .var}'s address
 */
record X86Assembly(List<Instruction> instructions, List<String> texts, Map<String, Long> variables) {
    /** The memory word that holds the whole flat memory. */
    static final String MEMORY = "memory";
    /** The register names, r0 to r7 in order; {@code ex} and {@code fx} are the threads-locks version's. */
    static final List<String> REGISTERS = List.of("ax", "bx", "cx", "dx", "ex", "fx", "sp", "bp");

    private static final Pattern MEMORY_OPERAND = Pattern.compile(
            "(-?[0-9]+)?\\(\\s*(%[a-z]+)?\\s*(?:,\\s*(%[a-z]+)?\\s*(?:,\\s*([0-9]+)\\s*)?)?\\)");

    X86Assembly {
        instructions = List.copyOf(instructions);
        texts = List.copyOf(texts);
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * Assembles {@code source}, read from {@code file}, for the threads-locks version ({@code locks}) or the
     * threads-intro one, to be loaded at {@code loadAddress}.
     */
    static X86Assembly assemble(String file, String source, boolean locks, long loadAddress) {
        return new Assembler(file, locks, loadAddress).run(source);
    }

    /** One operand as written: an immediate, a register, a label, or a memory reference. */
    private sealed interface Arg {
        record Imm(long value) implements Arg {}

        record Reg(int number) implements Arg {}

        record Label(String name) implements Arg {}

        record Mem(long displacement, int base, int index, int scale) implements Arg {
            Operand.Memory operand(boolean keepIndex) {
                return new Operand.Memory(MEMORY, Math.toIntExact(displacement), base, keepIndex ? index : -1, keepIndex ? scale : 1);
            }
        }
    }

    private static final class Assembler {
        private final String file;
        private final boolean locks;
        private final long loadAddress;
        private final Map<String, Long> variables = new LinkedHashMap<>();
        private final Map<String, Integer> labels = new LinkedHashMap<>();
        private int line;
        private int column;

        Assembler(String file, boolean locks, long loadAddress) {
            this.file = file;
            this.locks = locks;
            this.loadAddress = loadAddress;
        }

        X86Assembly run(String source) {
            String[] lines = source.split("\r?\n", -1);
            List<Integer> codeLines = new ArrayList<>();
            long data = 100;
            for (int i = 0; i < lines.length; i++) { // pass 1: data, labels, where each instruction is
                line = i + 1;
                String text = uncommented(lines[i]);
                if (text.isBlank()) {
                    continue;
                }
                if (text.charAt(0) != '.') {
                    codeLines.add(i);
                    continue;
                }
                String[] words = text.strip().split("\\s+");
                column = 1;
                if (words[0].equals(".var")) {
                    if (words.length < 2 || words.length > (locks ? 3 : 2)) {
                        throw bad(locks ? "expected .var NAME or .var NAME COUNT" : "expected .var NAME");
                    }
                    long count = words.length == 3 ? number(words[2]) : 1;
                    variables.put(words[1], data);
                    data += 4 * count;
                    if (data >= loadAddress) {
                        throw bad("the data reaches address " + data + ", past the load address " + loadAddress + " (-L)");
                    }
                } else if (words.length > 1) {
                    throw bad("a label stands alone on its line, got '" + text.strip() + "'");
                } else {
                    labels.put(words[0], codeLines.size());
                }
            }
            List<Instruction> instructions = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i : codeLines) { // pass 2: the instructions
                line = i + 1;
                String text = uncommented(lines[i]);
                int lead = 0;
                while (Character.isWhitespace(text.charAt(lead))) {
                    lead++;
                }
                column = lead + 1;
                texts.add(text.strip());
                instructions.add(instruction(text.strip(), lead));
            }
            return new X86Assembly(instructions, texts, variables);
        }

        private String uncommented(String text) {
            int hash = text.indexOf('#');
            if (hash >= 0 && text.indexOf('#', hash + 1) >= 0) {
                column = text.indexOf('#', hash + 1) + 1;
                throw bad("x86.py takes at most one # on a line");
            }
            return hash < 0 ? text : text.substring(0, hash);
        }

        private Instruction instruction(String text, int lead) {
            int space = text.indexOf(' ');
            int tab = text.indexOf('\t');
            int cut = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
            String op = cut < 0 ? text : text.substring(0, cut);
            List<Arg> args = new ArrayList<>();
            List<String> written = cut < 0 ? List.of() : operands(text.substring(cut));
            for (int k = 0; k < written.size(); k++) {
                args.add(arg(written.get(k), k == written.size() - 1, op.equals("mov") && locks));
            }
            return switch (op) {
                case "mov" -> mov(text, args);
                case "add", "sub" -> arithmetic(op.equals("add") ? MachineOp.ADD : MachineOp.SUB, text, args);
                case "mul" -> arithmetic(locksOnly(op, MachineOp.MUL), text, args);
                case "neg" -> {
                    locksOnly(op, MachineOp.NEG);
                    yield machine(MachineOp.NEG, text, expect(args, "neg %r", Arg.Reg.class));
                }
                case "lea" -> {
                    locksOnly(op, MachineOp.LEA);
                    List<Arg> a = expect(args, "lea MEMORY, %r", Arg.Mem.class, Arg.Reg.class);
                    yield machine(MachineOp.LEA, text, List.of(a.get(1), a.get(0)));
                }
                case "test" -> test(text, args);
                case "j", "je", "jne", "jlt", "jlte", "jgt", "jgte" -> jump(op, text, args);
                case "xchg", "fetchadd" -> {
                    List<Arg> a = expect(args, op + " %r, MEMORY", Arg.Reg.class, Arg.Mem.class);
                    yield machine(op.equals("xchg") ? MachineOp.XCHG : MachineOp.FETCHADD, text, a);
                }
                case "push" -> push(text, args);
                case "pop" -> pop(text, args);
                case "call" -> {
                    Arg.Label l = (Arg.Label) expect(args, "call .LABEL", Arg.Label.class).get(0);
                    yield new Instruction.Machine(MachineOp.CALLM, List.of(new Operand.Immediate(loadAddress), stack()), target(l), text);
                }
                case "ret" -> {
                    expect(args, "ret");
                    yield machine(MachineOp.RETM, text, List.of(new Arg.Imm(loadAddress), stackArg()));
                }
                case "nop", "rdump" -> {
                    expect(args, op);
                    yield machine(MachineOp.NOP, text, List.of());
                }
                case "mdump" -> {
                    expect(args, "mdump ADDRESS", Arg.Mem.class);
                    yield machine(MachineOp.NOP, text, List.of());
                }
                case "halt" -> {
                    expect(args, "halt");
                    yield new Instruction.ThreadExit();
                }
                case "yield" -> {
                    expect(args, "yield");
                    yield new Instruction.Yield();
                }
                default -> throw bad("illegal opcode '" + op + "'" + (op.startsWith(".") ? " (a label or directive must start its line)" : ""));
            };
        }

        private MachineOp locksOnly(String op, MachineOp machineOp) {
            if (!locks) {
                throw bad("illegal opcode '" + op + "' (the threads-locks x86.py has it, the threads-intro one does not)");
            }
            return machineOp;
        }

        /** The operands after the opcode, split at the commas outside parentheses. */
        private static List<String> operands(String rest) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            int from = 0;
            for (int i = 0; i < rest.length(); i++) {
                char ch = rest.charAt(i);
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                if (ch == ',' && depth == 0) {
                    out.add(rest.substring(from, i).strip());
                    from = i + 1;
                }
            }
            String last = rest.substring(from).strip();
            if (!last.isEmpty() || !out.isEmpty()) {
                out.add(last);
            }
            return out;
        }

        private Arg arg(String s, boolean last, boolean twoRegistersRead) {
            if (s.isEmpty()) {
                throw bad("an operand is missing");
            }
            if (s.startsWith("$")) {
                String digits = s.substring(1);
                if (!(locks ? digits.matches("-?[0-9]+") : digits.matches("[0-9]"))) {
                    throw bad(locks ? "expected an immediate such as $5, got '" + s + "'"
                            : "the threads-intro x86.py takes one digit after $ (0 to 9), got '" + s + "'");
                }
                return new Arg.Imm(Long.parseLong(digits));
            }
            if (s.startsWith("%")) {
                return new Arg.Reg(register(s, false));
            }
            if (s.startsWith(".")) {
                return new Arg.Label(s);
            }
            if (s.matches("-?[0-9]+")) {
                return new Arg.Mem(Long.parseLong(s), -1, -1, 1);
            }
            if (Character.isLetter(s.charAt(0))) {
                if (!variables.containsKey(s)) {
                    throw bad("variable " + s + " is not declared (.var " + s + ")");
                }
                return new Arg.Mem(variables.get(s), -1, -1, 1);
            }
            Matcher m = MEMORY_OPERAND.matcher(s);
            if (!m.matches()) {
                throw bad("expected $N, %REGISTER, .LABEL or a memory operand (N, NAME, (%r), N(%r), N(%r1,%r2,S)), got '" + s + "'");
            }
            long displacement = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            int base = m.group(2) == null ? -1 : register(m.group(2), true);
            boolean two = s.contains(",");
            if (two && !twoRegistersRead && !last) {
                throw bad("x86.py splits '" + s + "' at its comma here (only mov reads a two-register operand)");
            }
            int index = m.group(3) == null ? -1 : register(m.group(3), true);
            int scale = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            return new Arg.Mem(displacement, base, twoRegistersRead ? index : -1, twoRegistersRead ? scale : 1);
        }

        /** Register {@code %name}'s number; {@code %zero} only inside a memory operand, where it means none (-1). */
        private int register(String s, boolean inMemory) {
            String name = s.substring(1);
            if (inMemory && name.equals("zero")) {
                return -1;
            }
            int r = REGISTERS.indexOf(name);
            if (r < 0 || (!locks && (name.equals("ex") || name.equals("fx")))) {
                throw bad("no register '" + s + "' (registers: %" + String.join(" %", registerNames(locks)) + ")");
            }
            return r;
        }

        private Instruction mov(String text, List<Arg> a) {
            if (a.size() == 2 && !(a.get(0) instanceof Arg.Label) && !(a.get(1) instanceof Arg.Label)) {
                Arg src = a.get(0);
                Arg dst = a.get(1);
                if (dst instanceof Arg.Reg) {
                    return machine(src instanceof Arg.Mem ? MachineOp.LOAD : MachineOp.MOV, text, List.of(dst, src));
                }
                if (dst instanceof Arg.Mem && !(src instanceof Arg.Mem)) {
                    return machine(MachineOp.STORE, text, List.of(dst, src));
                }
            }
            throw bad("mov takes $N, MEMORY or %r to %r, or $N or %r to MEMORY; got '" + text + "'");
        }

        private Instruction arithmetic(MachineOp op, String text, List<Arg> a) {
            if (a.size() == 2 && (a.get(0) instanceof Arg.Imm || a.get(0) instanceof Arg.Reg) && a.get(1) instanceof Arg.Reg) {
                return machine(op, text, List.of(a.get(1), a.get(0)));
            }
            throw bad(op.mnemonic() + " takes $N or %r, then %r; got '" + text + "'");
        }

        private Instruction test(String text, List<Arg> a) {
            if (a.size() == 2 && (a.get(0) instanceof Arg.Reg || a.get(1) instanceof Arg.Reg)
                    && !(a.get(0) instanceof Arg.Mem || a.get(1) instanceof Arg.Mem || a.get(0) instanceof Arg.Label
                    || a.get(1) instanceof Arg.Label)) {
                return machine(MachineOp.TEST, text, a);
            }
            throw bad("test takes $N, %r or %r, %r or %r, $N; got '" + text + "'");
        }

        private Instruction jump(String op, String text, List<Arg> a) {
            Arg.Label l = (Arg.Label) expect(a, op + " .LABEL", Arg.Label.class).get(0);
            MachineOp m = op.equals("j") ? MachineOp.JMP : MachineOp.valueOf(op.toUpperCase(java.util.Locale.ROOT));
            return new Instruction.Machine(m, List.of(), target(l), text);
        }

        private Instruction push(String text, List<Arg> a) {
            if (a.size() == 1 && a.get(0) instanceof Arg.Reg) {
                return machine(MachineOp.PUSH, text, List.of(a.get(0), stackArg()));
            }
            if (a.size() == 1 && a.get(0) instanceof Arg.Mem) {
                return machine(MachineOp.PUSH, text, a); // its address goes on the stack
            }
            throw bad("push takes %r or a memory operand; got '" + text + "'");
        }

        private Instruction pop(String text, List<Arg> a) {
            if (a.isEmpty()) {
                return machine(MachineOp.POP, text, List.of(stackArg()));
            }
            Arg r = expect(a, "pop or pop %r", Arg.Reg.class).get(0);
            // threads-intro gives the register the stack pointer itself, not what it points at
            return machine(MachineOp.POP, text, locks ? List.of(r, stackArg()) : List.of(r, new Arg.Reg(6), stackArg()));
        }

        private static Arg.Mem stackArg() {
            return new Arg.Mem(0, -1, -1, 1);
        }

        private static Operand.Memory stack() {
            return stackArg().operand(false);
        }

        private int target(Arg.Label l) {
            Integer at = labels.get(l.name());
            if (at == null) {
                throw bad("no label '" + l.name() + "'");
            }
            return at;
        }

        private List<Arg> expect(List<Arg> a, String form, Class<?>... kinds) {
            boolean ok = a.size() == kinds.length;
            for (int i = 0; ok && i < kinds.length; i++) {
                ok = kinds[i].isInstance(a.get(i));
            }
            if (!ok) {
                throw bad("expected " + form);
            }
            return a;
        }

        private Instruction machine(MachineOp op, String text, List<Arg> args) {
            List<Operand> operands = new ArrayList<>();
            for (Arg a : args) {
                if (a instanceof Arg.Imm i) {
                    operands.add(new Operand.Immediate(i.value()));
                } else if (a instanceof Arg.Reg r) {
                    operands.add(new Operand.Register(r.number()));
                } else if (a instanceof Arg.Mem m) {
                    operands.add(m.operand(true));
                } else {
                    throw bad("a label where a value belongs: " + ((Arg.Label) a).name());
                }
            }
            return new Instruction.Machine(op, operands, -1, text);
        }

        private long number(String s) {
            if (!s.matches("[0-9]+")) {
                throw bad("expected a count, got '" + s + "'");
            }
            return Long.parseLong(s);
        }

        private OsimException bad(String message) {
            return OsimException.badInput(new SourceLocation(file, line, column), message);
        }
    }

    /** The register names the version has. */
    static List<String> registerNames(boolean locks) {
        return locks ? REGISTERS : List.of("ax", "bx", "cx", "dx", "sp", "bp");
    }
}
