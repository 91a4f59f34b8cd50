package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osim.api.OsimException;
import org.osim.api.program.Instruction;

/**
 * The memory a workload declares: {@code shared:} words, named {@code segments:} that processes attach, and
 * the checks that every word and segment an instruction names exists.
 */
final class MemoryDeclarations {
    private MemoryDeclarations() {}

    /** {@code segments: { buffer: { count: 0, slots: [0, 0, 0, 0] } }}: named segments a process attaches. */
    static Map<String, Map<String, List<Long>>> segments(Node n, Map<String, List<Long>> shared) {
        Map<String, String> owner = new HashMap<>();
        shared.keySet().forEach(w -> owner.put(w, "shared"));
        Map<String, Map<String, List<Long>>> out = new java.util.LinkedHashMap<>();
        for (var e : mapping(n, "a mapping of segment names to their words, e.g. { buffer: { count: 0, slots: [0, 0] } }")
                .fields().entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw OsimException.badInput(e.getValue().keyAt(), "expected a segment name (a letter, then letters, digits, _ or -), got '"
                        + e.getKey() + "'");
            }
            out.put(e.getKey(), words(e.getValue().value(), owner, "segment " + e.getKey()));
        }
        return out;
    }

    /** Every {@code attach} and {@code detach} names a declared segment. */
    static void checkSegments(List<Located> located, Map<String, Map<String, List<Long>>> segments) {
        for (Located l : located) {
            String segment = l.instruction() instanceof Instruction.Attach a ? a.segment()
                    : l.instruction() instanceof Instruction.Detach d ? d.segment() : null;
            if (segment != null && !segments.containsKey(segment)) {
                throw OsimException.badInput(l.at(), l.instruction().toString().split(" ")[0] + " names segment '" + segment
                        + "', which the workload does not declare" + known("segments", segments.keySet()));
            }
        }
    }

    /**
     * Memory words with their initial values, e.g. {@code { turn: 0, interested: [0, 0] }}, for {@code where}
     * ("shared" or "segment NAME"); {@code owner} says where each word seen so far was declared, as a word may be declared once.
     */
    static Map<String, List<Long>> words(Node n, Map<String, String> owner, String where) {
        Map<String, List<Long>> words = new java.util.LinkedHashMap<>();
        for (var e : mapping(n, "a mapping of memory words to initial values, e.g. { turn: 0, interested: [0, 0] }")
                .fields().entrySet()) {
            String word = e.getKey();
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw OsimException.badInput(e.getValue().keyAt(), "expected a word name (a letter, then letters, digits or _), got '"
                        + word + "'");
            }
            String before = owner.putIfAbsent(word, where);
            if (before != null) {
                throw OsimException.badInput(e.getValue().keyAt(), "memory word '" + word + "' is already declared in " + before
                        + "; a word name may be used once across shared and the segments");
            }
            Node v = e.getValue().value();
            List<Long> values = new ArrayList<>();
            if (v instanceof Node.Sequence seq) {
                for (Node item : seq.items()) {
                    values.add(integer(item, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number"));
                }
                if (values.isEmpty()) {
                    throw OsimException.badInput(v.at(), "an array needs at least one element");
                }
            } else if (v instanceof Node.Mapping array) { // { size: 64, value: 0 }: an array of one value
                allow(array, Set.of("size", "value"), "array");
                long size = integer(require(array, "size", "array"), 1, 1_000_000, "an array size from 1 to 1,000,000");
                long value = optional(array, "value").map(x -> integer(x, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number")).orElse(0L);
                for (long i = 0; i < size; i++) {
                    values.add(value);
                }
            } else {
                values.add(integer(v, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number, a list of them for an array, "
                        + "or { size: N, value: V }"));
            }
            words.put(word, values);
        }
        return words;
    }

    /** Every memory word a machine instruction names is declared (.word in the process, or shared), where it is used. */
    static void checkMemory(List<Located> located, Map<String, List<Long>> shared,
                            Map<String, Map<String, List<Long>>> segments) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (Located l : located) {
            if (l.instruction() instanceof Instruction.Word w) {
                declared.computeIfAbsent(l.process(), k -> new java.util.HashSet<>()).add(w.name());
            }
        }
        for (Located l : located) {
            if (l.instruction() instanceof Instruction.Machine mi && mi.target() < 0
                    && mi.op() != org.osim.api.program.MachineOp.ENTER && mi.op() != org.osim.api.program.MachineOp.LEAVE
                    && mi.op() != org.osim.api.program.MachineOp.WANT && mi.op() != org.osim.api.program.MachineOp.FAST) {
                for (var o : mi.operands()) {
                    if (o instanceof org.osim.api.program.Operand.Memory mem && !shared.containsKey(mem.word())
                            && segments.values().stream().noneMatch(seg -> seg.containsKey(mem.word()))
                            && !declared.getOrDefault(l.process(), Set.of()).contains(mem.word())) {
                        throw OsimException.badInput(l.at(), mi.op().mnemonic() + " names memory word '" + mem.word()
                                + "', which is neither declared in process " + l.process() + " (.word " + mem.word()
                                + " 0) nor shared (shared: { " + mem.word() + ": 0 }) nor in a segment");
                    }
                }
            }
        }
    }
}
