package org.osim.api.program;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sequence of instructions that one thread runs from the top, {@code times} times over (a workload's
 * {@code repeat}); a burst list is a program without control flow. The instructions are held once however
 * often they run, so a loop of a million iterations costs no more memory than one.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record Program(List<Instruction> instructions, int times) {
    public Program {
        instructions = List.copyOf(instructions);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
    }

    /** A program that runs once. */
    public Program(List<Instruction> instructions) {
        this(instructions, 1);
    }

    public static Program of(Instruction... instructions) {
        return new Program(List.of(instructions));
    }

    /** Parses the text form, e.g. {@code "cpu 8ms; io 10ms; cpu 2ms"}. */
    public static Program parse(String text) {
        return ProgramText.parse(text);
    }

    /** The total of the {@code cpu} instructions over every time it runs: the run time a policy like SJF may know in advance. */
    public long cpuNanos() {
        return onceCpuNanos() * times;
    }

    /** The total of the {@code cpu} instructions of one run through the program. */
    public long onceCpuNanos() {
        long sum = 0;
        for (int i = 0; i < instructions.size(); i++) { // no iterator: called for each of a workload's threads
            if (instructions.get(i) instanceof Instruction.Compute c) {
                sum += c.nanos();
            }
        }
        return sum;
    }

    /** How many instructions one run through the program has. */
    public int size() {
        return instructions.size();
    }

    /** The program run {@code times} times as often as this one. */
    public Program repeated(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        return new Program(instructions, Math.multiplyExact(this.times, times));
    }

    @Override
    public String toString() {
        String body = instructions.stream().map(Instruction::toString).collect(Collectors.joining(", ", "[", "]"));
        return times == 1 ? body : times + " × " + body;
    }
}
