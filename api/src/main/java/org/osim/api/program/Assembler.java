package org.osim.api.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of the fine-grained instructions: {@code MNEMONIC operand, operand…}, where an operand
 * is a register ({@code r0}–{@code r7}), a number, or a memory word ({@code turn}, {@code interested[1]},
 * {@code interested[r2]}); {@code .word NAME V…} declares a word; jumps name a label ({@code loop:}).
 */
final class Assembler {
    private static final Map<String, MachineOp> OPS = Map.ofEntries(
            Map.entry("load", MachineOp.LOAD), Map.entry("store", MachineOp.STORE), Map.entry("mov", MachineOp.MOV),
            Map.entry("add", MachineOp.ADD), Map.entry("sub", MachineOp.SUB), Map.entry("cmp", MachineOp.CMP),
            Map.entry("jmp", MachineOp.JMP), Map.entry("jz", MachineOp.JZ), Map.entry("jnz", MachineOp.JNZ),
            Map.entry("jl", MachineOp.JL), Map.entry("jge", MachineOp.JGE), Map.entry("ret", MachineOp.RET),
            Map.entry("tsl", MachineOp.TSL), Map.entry("xchg", MachineOp.XCHG), Map.entry("cas", MachineOp.CAS),
            Map.entry("fetchadd", MachineOp.FETCHADD), Map.entry("enter", MachineOp.ENTER), Map.entry("leave", MachineOp.LEAVE),
            Map.entry("want", MachineOp.WANT), Map.entry("cli", MachineOp.CLI), Map.entry("sti", MachineOp.STI),
            Map.entry("fast", MachineOp.FAST));
    private static final Pattern REGISTER = Pattern.compile("r([0-9]+)");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern WORD = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(?:(-?[0-9]+)|r([0-9]+))\\])?");
    static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):");

    private Assembler() {}

    static boolean isMnemonic(String word) {
        return OPS.containsKey(word) || word.equals(".word");
    }

    static boolean isJump(String word) {
        return word.equals("jmp") || word.equals("jz") || word.equals("jnz") || word.equals("jl") || word.equals("jge")
                || word.equals("call");
    }

    /** The kinds of operand each operation takes, in order: R register, V register or number, M memory word, L label, N region name. */
    private static String form(MachineOp op) {
        return switch (op) {
            case LOAD, TSL, XCHG, FETCHADD -> "RM";
            case STORE -> "MV";
            case MOV, ADD, SUB, CMP -> "RV";
            case JMP, JZ, JNZ, JL, JGE, CALL -> "L";
            case RET -> "";
            case CAS -> "RMV";
            case ENTER, LEAVE, WANT -> "N";
            case CLI, STI -> "";
            case FAST -> "L";
            case TEST, JE, JNE, JLT, JLTE, JGT, JGTE, LEA, NEG, MUL, PUSH, POP, CALLM, RETM, NOP ->
                    throw new IllegalArgumentException(op.mnemonic() + " belongs to the x86 dialect (osim ostep x86)");
        };
    }

    private static String example(MachineOp op) {
        return switch (op) {
            case LOAD -> "load r1, turn";
            case STORE -> "store turn, r1";
            case MOV -> "mov r1, 5";
            case ADD -> "add r1, 1";
            case SUB -> "sub r1, r2";
            case CMP -> "cmp r1, 0";
            case JMP -> "jmp loop";
            case JZ -> "jz loop";
            case JNZ -> "jnz loop";
            case JL -> "jl loop";
            case JGE -> "jge loop";
            case CALL -> "call enter_region";
            case RET -> "ret";
            case TSL -> "tsl r1, lock";
            case XCHG -> "xchg r1, lock";
            case CAS -> "cas r1, lock, r2";
            case FETCHADD -> "fetchadd r1, next";
            case ENTER -> "enter [REGION]";
            case LEAVE -> "leave [REGION]";
            case WANT -> "want [REGION]";
            case CLI -> "cli";
            case FAST -> "fast futex";
            case STI -> "sti";
            default -> op.mnemonic();
        };
    }

    /**
     * One instruction; {@code rest} is the text after the mnemonic, {@code restColumn} where it starts. A
     * jump comes back with target -1 and its label as its only operand (a memory operand named after it),
     * for the caller to resolve.
     */
    static Instruction parse(String mnemonic, String rest, int line, int column, int restColumn) {
        return parse(mnemonic, rest, line, column, restColumn, Map.of());
    }

    /** The same, with the named constants ({@code .equ N 4}) defined so far. */
    static Instruction parse(String mnemonic, String rest, int line, int column, int restColumn, Map<String, Long> constants) {
        List<String> parts = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        if (!rest.isBlank()) {
            int from = 0;
            while (true) {
                int comma = rest.indexOf(',', from);
                String raw = comma < 0 ? rest.substring(from) : rest.substring(from, comma);
                int lead = 0;
                while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
                    lead++;
                }
                parts.add(raw.strip());
                columns.add(restColumn + from + lead);
                if (comma < 0) {
                    break;
                }
                from = comma + 1;
            }
        }
        if (mnemonic.equals(".word")) {
            // .word NAME V V V: whitespace separated
            String[] words = rest.strip().split("\\s+");
            if (rest.isBlank() || words.length < 1 || !words[0].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ProgramSyntaxException(line, column, "expected .word NAME [VALUE...], e.g. .word turn 0");
            }
            List<Long> values = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                if (!NUMBER.matcher(words[i]).matches()) {
                    throw new ProgramSyntaxException(line, restColumn + rest.indexOf(words[i]),
                            "expected a whole number as the initial value, got '" + words[i] + "'");
                }
                values.add(Long.parseLong(words[i]));
            }
            return new Instruction.Word(words[0], values.isEmpty() ? List.of(0L) : values);
        }
        MachineOp op = OPS.get(mnemonic);
        String form = form(op);
        String text = (mnemonic + " " + String.join(", ", parts)).strip();
        if (op == MachineOp.ENTER || op == MachineOp.LEAVE || op == MachineOp.WANT) {
            if (parts.size() > 1 || (parts.size() == 1 && !parts.get(0).matches("[A-Za-z_][A-Za-z0-9_]*"))) {
                throw new ProgramSyntaxException(line, column, "expected " + example(op) + ", got '" + text + "'");
            }
            return new Instruction.Machine(op, List.of(new Operand.Memory(parts.isEmpty() ? "critical" : parts.get(0), 0, -1)), -1,
                    parts.isEmpty() ? mnemonic : text);
        }
        if (parts.size() != form.length()) {
            throw new ProgramSyntaxException(line, column, mnemonic + " takes " + form.length() + " operand(s), e.g. " + example(op)
                    + "; got '" + text + "'");
        }
        List<Operand> operands = new ArrayList<>();
        for (int i = 0; i < form.length(); i++) {
            operands.add(operand(form.charAt(i), parts.get(i), line, columns.get(i), constants));
        }
        return new Instruction.Machine(op, operands, -1, text);
    }

    private static Operand operand(char kind, String s, int line, int column, Map<String, Long> constants) {
        Matcher reg = REGISTER.matcher(s);
        boolean isRegister = reg.matches();
        switch (kind) {
            case 'R' -> {
                if (!isRegister) {
                    throw new ProgramSyntaxException(line, column, "expected a register r0 to r7, got '" + s + "'");
                }
                return register(reg.group(1), line, column);
            }
            case 'V' -> {
                if (isRegister) {
                    return register(reg.group(1), line, column);
                }
                if (NUMBER.matcher(s).matches()) {
                    return new Operand.Immediate(Long.parseLong(s));
                }
                if (constants.containsKey(s)) {
                    return new Operand.Immediate(constants.get(s));
                }
                throw new ProgramSyntaxException(line, column, "expected a register, a number or a constant (.equ NAME VALUE), got '"
                        + s + "'");
            }
            case 'M' -> {
                Matcher w = WORD.matcher(s);
                if (w.matches() && w.group(2) == null && w.group(3) == null && constants.containsKey(s)) {
                    throw new ProgramSyntaxException(line, column, "'" + s + "' is a constant, not a memory word");
                }
                if (isRegister || !w.matches()) {
                    throw new ProgramSyntaxException(line, column, "expected a memory word such as turn, flag[1] or flag[r2], got '"
                            + s + "'");
                }
                if (w.group(3) != null) {
                    return new Operand.Memory(w.group(1), 0, ((Operand.Register) register(w.group(3), line, column)).number());
                }
                int index = w.group(2) == null ? 0 : Integer.parseInt(w.group(2));
                if (index < 0) {
                    throw new ProgramSyntaxException(line, column, "an index cannot be negative, got '" + s + "'");
                }
                return new Operand.Memory(w.group(1), index, -1);
            }
            case 'L' -> {
                if (!s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new ProgramSyntaxException(line, column, "expected a label, got '" + s + "'");
                }
                return new Operand.Memory(s, 0, -1);
            }
            default -> throw new IllegalStateException(String.valueOf(kind));
        }
    }

    private static Operand register(String digits, int line, int column) {
        int n = Integer.parseInt(digits);
        if (n >= Operand.Register.COUNT) {
            throw new ProgramSyntaxException(line, column, "registers are r0 to r" + (Operand.Register.COUNT - 1) + ", got r" + n);
        }
        return new Operand.Register(n);
    }
}
