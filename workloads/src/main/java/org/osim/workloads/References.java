package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.List;
import java.util.Set;
import org.osim.api.OsimException;
import org.osim.api.program.Instruction;

/** The cross-references of a workload's instructions, checked once the whole workload is read. */
final class References {
    private References() {}

    /** Every program, and every process, an instruction names exists: a spawn's program, a signal's target. */
    static void check(List<Located> located, Set<String> processNames) {
        for (Located l : located) {
            Instruction in = l.instruction();
            if (in instanceof Instruction.Spawn s && !l.programs().containsKey(s.program())) {
                throw OsimException.badInput(l.at(), "spawn names program '" + s.program() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.Fork f && !l.programs().containsKey(f.program())) {
                throw OsimException.badInput(l.at(), "fork names program '" + f.program() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.Join j && j.program().isPresent() && !l.programs().containsKey(j.program().get())) {
                throw OsimException.badInput(l.at(), "join names program '" + j.program().get() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.SendSignal sig && !sig.target().equals("self") && !sig.target().contains("/")
                    && !processNames.contains(sig.target().replaceFirst("^group:", ""))) {
                throw OsimException.badInput(l.at(), "signal names process '" + sig.target().replaceFirst("^group:", "")
                        + "', which the workload does not declare");
            } else if (in instanceof Instruction.Kill k && !k.process().contains("/") && !processNames.contains(k.process())) {
                throw OsimException.badInput(l.at(), "kill names process '" + k.process() + "', which the workload does not declare");
            } else if (in instanceof Instruction.SetPriority s && !s.process().equals("self") && !s.process().contains("/")) {
                throw OsimException.badInput(l.at(), "setpriority names '" + s.process() + "'; a process may set the priority "
                        + "of itself ('self') or of a child it forked (e.g. A/worker)");
            }
        }
    }
}
