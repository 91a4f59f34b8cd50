package org.osim.api.program;

import static java.util.Objects.requireNonNull;

/** An operand of a machine instruction: a register, an immediate value, or a memory word. */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
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
     * element a register says ({@code interested[r1]}; {@code indexRegister} ≥ 0). In general the element is
     * {@code index + r[indexRegister] + scale * r[scaledRegister]}, each register only if ≥ 0: the
     * {@code n(%r1,%r2,s)} operands of x86.py's flat memory.
     */
    record Memory(String word, int index, int indexRegister, int scaledRegister, int scale) implements Operand {
        public Memory {
            requireNonNull(word, "word is null");
        }

        /** Element {@code index}, or the one register {@code indexRegister} says (if ≥ 0), of {@code word}. */
        public Memory(String word, int index, int indexRegister) {
            this(word, index, indexRegister, -1, 1);
        }

        /** The element this operand names for a thread with registers {@code r}, in range or not. */
        public long element(long[] r) {
            return index + (indexRegister >= 0 ? r[indexRegister] : 0) + (scaledRegister >= 0 ? (long) scale * r[scaledRegister] : 0);
        }

        @Override
        public String toString() {
            if (scaledRegister >= 0 || (indexRegister >= 0 && index != 0)) {
                return word + "[" + index + (indexRegister >= 0 ? "+r" + indexRegister : "")
                        + (scaledRegister >= 0 ? "+r" + scaledRegister + "*" + scale : "") + "]";
            }
            return indexRegister >= 0 ? word + "[r" + indexRegister + "]" : index == 0 ? word : word + "[" + index + "]";
        }
    }
}
