package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.Termination;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.Machine;

/**
 * Memory as programs see it: the workload's shared words, named shared-memory segments with attach and
 * detach, and each process's own words; a word outside them is a segmentation fault.
 */
final class AddressSpaces {
    private final ProcessTable table;

    // Peers, wired once by Kernel.
    ProcessLifecycle lifecycle;

    AddressSpaces(Workload workload, ProcessTable table) {
        this.table = table;
        workload.shared().forEach((k, v) -> sharedMemory.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        workload.segments().forEach((name, words) -> {
            java.util.Map<String, long[]> segment = new java.util.LinkedHashMap<>();
            words.forEach((k, v) -> segment.put(k, v.stream().mapToLong(Long::longValue).toArray()));
            segments.put(name, segment);
        });
    }

    /** Shared memory words ({@code shared:}), by name. */
    private final java.util.Map<String, long[]> sharedMemory = new java.util.LinkedHashMap<>();

    /** Named shared-memory segments ({@code segments:}): each one's words, by name; they live for the whole run. */
    private final java.util.Map<String, java.util.Map<String, long[]>> segments = new java.util.LinkedHashMap<>();

    /** A process's words: every {@code .word} in its programs (the first declaration of a name wins). */
    static void layOutMemory(ProcessControlBlock p, List<ThreadSpec> threads, java.util.Map<String, Program> programs) {
        for (Program prog : programsOf(threads, programs)) {
            for (Instruction in : prog.instructions()) {
                if (in instanceof Instruction.Word w) {
                    if (p.memory == null) {
                        p.memory = new java.util.LinkedHashMap<>();
                    }
                    p.memory.computeIfAbsent(w.name(), k -> w.initial().stream().mapToLong(Long::longValue).toArray());
                }
            }
        }
    }

    /**
     * What a process's instructions can name: its own words over those of the segments it has attached and
     * the shared ones (made at first use, and again after an attach or detach).
     */
    java.util.Map<String, long[]> addressSpace(ProcessControlBlock p) {
        if (p.addressSpace == null) {
            p.addressSpace = new java.util.HashMap<>(sharedMemory);
            if (p.attached != null) {
                p.attached.forEach(seg -> p.addressSpace.putAll(segments.get(seg)));
            }
            if (p.memory != null) {
                p.addressSpace.putAll(p.memory);
            }
        }
        return p.addressSpace;
    }

    /**
     * {@code attach} ({@code on}) or {@code detach} a segment for {@code t}'s process: its address space
     * changes, so its programs are decoded again. Attaching twice is harmless; detaching a segment the
     * process does not have, or naming one that does not exist, ends the process. Returns false if it did.
     */
    boolean attach(ThreadControlBlock t, String segment, boolean on) {
        ProcessControlBlock p = t.process;
        if (!segments.containsKey(segment)) {
            lifecycle.terminate(p, Termination.fatal((on ? "attach" : "detach") + " of unknown segment '" + segment + "'"));
            return false;
        }
        if (p.attached == null) {
            p.attached = new java.util.LinkedHashSet<>();
        }
        if (on) {
            p.attached.add(segment);
        } else if (!p.attached.remove(segment)) {
            lifecycle.terminate(p, Termination.fatal("detach of segment '" + segment + "', which " + p.name + " has not attached"));
            return false;
        }
        p.addressSpace = null;
        p.decoded = null;
        for (ThreadControlBlock x : p.threads) {
            x.codeOf = null;
            x.code = null;
        }
        return true;
    }

    /** The array holding memory operand {@code m} for {@code t}, and the index in it; a bad index ends the process. */
    long[] word(ThreadControlBlock t, org.osim.api.program.Operand.Memory m, int[] index) {
        long[] w = addressSpace(t.process).get(m.word());
        if (w == null) {
            String in = segments.entrySet().stream().filter(e -> e.getValue().containsKey(m.word())).map(java.util.Map.Entry::getKey)
                    .findFirst().orElse(null);
            lifecycle.terminate(t.process, Termination.fatal(in == null ? "no memory word '" + m.word() + "'"
                    : "segmentation fault: " + m.word() + " is in segment '" + in + "', which " + t.process.name + " has not attached"));
            return null;
        }
        long i = m.element(t.context.registers());
        if (i < 0 || i >= w.length) {
            lifecycle.terminate(t.process, Termination.fatal("segmentation fault: " + m.word() + "[" + i + "] is outside the word's "
                    + w.length + " element(s)"));
            return null;
        }
        index[0] = (int) i;
        return w;
    }

    private static final java.util.regex.Pattern WORD_REF = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[([0-9]+)\\])?");

    /** Word {@code ref} ("lock", "flags[1]") as thread {@code t} sees it, for a kernel object. */
    long userWord(ThreadControlBlock t, String ref) {
        java.util.regex.Matcher m = WORD_REF.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a memory word such as lock or flags[1], got '" + ref + "'");
        }
        long[] w = addressSpace(t.process).get(m.group(1));
        int i = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (w == null || i >= w.length) {
            throw new IllegalArgumentException("no memory word '" + ref + "' for " + t.name);
        }
        return w[i];
    }

    /** Memory at the end: shared words, the segments' words, then each process's as P:word. */
    java.util.Map<String, List<Long>> memoryAtEnd() {
        java.util.Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
        sharedMemory.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
        segments.values().forEach(seg -> seg.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList())));
        for (ProcessControlBlock p : table.processes()) {
            if (p.memory != null) {
                p.memory.forEach((k, v) -> out.put(p.name + ":" + k, java.util.Arrays.stream(v).boxed().toList()));
            }
        }
        return out;
    }

    /** Every program a process may run: its threads' and those it can spawn or fork. */
    static List<Program> programsOf(List<ThreadSpec> threads, java.util.Map<String, Program> programs) {
        List<Program> all = new ArrayList<>();
        threads.forEach(ts -> all.add(ts.program()));
        all.addAll(programs.values());
        return all;
    }

    static boolean hasMachineCode(Workload w) {
        for (ProcessSpec p : w.processes()) {
            for (Program prog : programsOf(p.threads(), p.programs())) {
                for (Instruction in : prog.instructions()) {
                    if (in instanceof Instruction.Machine || in instanceof Instruction.Word) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
