package org.osim.hardware;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osim.api.program.Instruction;
import org.osim.api.program.MachineOp;
import org.osim.api.program.Operand;

/**
 * A program's machine instructions decoded once for one process, as a CPU's decoder would: each operand
 * becomes a plain field, each memory operand the array it names in the process's address space, and each
 * region marker the kernel's record of that region. The CPU then runs an instruction without looking up a
 * name ({@link InstructionUnit}).
 */
public final class MachineCode {
    private MachineCode() {}

    /** One decoded instruction; at most one register, one memory and one value operand, as the instruction set has. */
    public static final class Step {
        public final Instruction.Machine source;
        public final MachineOp op;
        /** Where a jump or call goes; -1 for other instructions. */
        public final int target;
        /** The register operand that receives or is compared; -1 if none. */
        public final int reg;
        /** The value operand: a register (≥ 0), or -1 and then {@link #imm}. */
        public final int valueReg;
        public final long imm;
        /** The memory operand, if any, and the array it names; {@code word} is null if the name is unknown. */
        public final Operand.Memory memory;
        public final long[] word;
        /** The memory operand's element: a register that holds it (≥ 0), or -1 and then the constant {@link #index}. */
        public final int indexReg;
        public final int index;
        /** A second, scaled index register (≥ 0) of x86.py's {@code n(%r1,%r2,s)} operands, and its scale. */
        public final int scaledReg;
        public final int scale;
        /** The kernel's record of the region of an enter, leave or want marker; else null. */
        public final Object region;

        private Step(Instruction.Machine source, int reg, int valueReg, long imm, Operand.Memory memory, long[] word,
                     Object region) {
            this.source = source;
            this.op = source.op();
            this.target = source.target();
            this.reg = reg;
            this.valueReg = valueReg;
            this.imm = imm;
            this.memory = memory;
            this.word = word;
            this.indexReg = memory == null ? -1 : memory.indexRegister();
            this.index = memory == null ? 0 : memory.index();
            this.scaledReg = memory == null ? -1 : memory.scaledRegister();
            this.scale = memory == null ? 1 : memory.scale();
            this.region = region;
        }

        /** The value operand for a thread with registers {@code r}. */
        public long value(long[] r) {
            return valueReg >= 0 ? r[valueReg] : imm;
        }
    }

    /**
     * Decodes {@code program}'s machine instructions against {@code space} (name → words); the slot of any
     * other instruction is null.
     */
    public static Step[] decode(List<Instruction> program, Map<String, long[]> space, Function<String, ?> regions) {
        Step[] steps = new Step[program.size()];
        for (int i = 0; i < steps.length; i++) {
            if (program.get(i) instanceof Instruction.Machine m) {
                steps[i] = decode(m, space, regions);
            }
        }
        return steps;
    }

    private static Step decode(Instruction.Machine m, Map<String, long[]> space, Function<String, ?> regions) {
        int reg = -1;
        int valueReg = -1;
        long imm = 0;
        Operand.Memory memory = null;
        boolean first = true;
        for (Operand o : m.operands()) {
            if (o instanceof Operand.Memory w) {
                memory = w;
            } else if (o instanceof Operand.Register r && first) {
                reg = r.number();
            } else if (o instanceof Operand.Register r) {
                valueReg = r.number();
            } else {
                imm = ((Operand.Immediate) o).value();
            }
            first = false;
        }
        Object region = null;
        long[] word = null;
        if (memory != null) {
            switch (m.op()) {
                case ENTER, LEAVE, WANT -> region = regions.apply(memory.word());
                default -> word = space.get(memory.word());
            }
        }
        return new Step(m, reg, valueReg, imm, memory, word, region);
    }
}
