package org.osim.api.program;

import java.util.List;
import java.util.stream.Collectors;

/** A sequence of instructions that one thread runs from the top; a burst list is a program without control flow. */
public record Program(List<Instruction> instructions) {
    public Program {
        instructions = List.copyOf(instructions);
    }

    public static Program of(Instruction... instructions) {
        return new Program(List.of(instructions));
    }

    /** Parses the text form, e.g. {@code "cpu 8ms; io 10ms; cpu 2ms"}. */
    public static Program parse(String text) {
        return ProgramText.parse(text);
    }

    /** The total of the {@code cpu} instructions: the run time a policy like SJF may know in advance. */
    public long cpuNanos() {
        long sum = 0;
        for (Instruction i : instructions) {
            if (i instanceof Instruction.Compute c) {
                sum += c.nanos();
            }
        }
        return sum;
    }

    public int size() {
        return instructions.size();
    }

    /** The program repeated {@code times} times. */
    public Program repeated(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Instruction[] all = new Instruction[instructions.size() * times];
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < instructions.size(); i++) {
                Instruction in = instructions.get(i);
                all[t * instructions.size() + i] = in instanceof Instruction.Machine m ? m.shifted(t * instructions.size()) : in;
            }
        }
        return new Program(List.of(all));
    }

    @Override
    public String toString() {
        return instructions.stream().map(Instruction::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
