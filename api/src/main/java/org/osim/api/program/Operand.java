package org.osim.api.program;

import static java.util.Objects.requireNonNull;

/** An operand of a machine instruction: a register, an immediate value, or a memory word. */
public sealed interface Operand {
    /** Register {@code r0} to {@code r7} of the running thread. */
    record Register(int number) implements Operand {
        public static final int COUNT = 8;

        public Register {
            if (number < 0 || number >= COUNT) {
                throw new IllegalArgumentException("registers are r0 to r" + (COUNT - 1) + ", got r" + number);
            }
        }

        @Override
        public String toString() {
            return "r" + number;
        }
    }

    /** A constant. */
    record Immediate(long value) implements Operand {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /**
     * A memory word: {@code turn}, or element {@code index} of an array ({@code interested[1]}), or the
     * element a register says ({@code interested[r1]}; {@code indexRegister} ≥ 0).
     */
    record Memory(String word, int index, int indexRegister) implements Operand {
        public Memory {
            requireNonNull(word, "word is null");
        }

        @Override
        public String toString() {
            return indexRegister >= 0 ? word + "[r" + indexRegister + "]" : index == 0 ? word : word + "[" + index + "]";
        }
    }
}
