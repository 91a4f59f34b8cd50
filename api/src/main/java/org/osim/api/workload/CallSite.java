package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.osim.api.SourceLocation;
import org.osim.api.program.Instruction;

/**
 * A use of kernel objects in a workload's programs — a {@code call} or a {@code waitfor} — and where it is
 * written: checked against the objects' types before a run.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record CallSite(String process, Instruction instruction, Optional<SourceLocation> at) {
    public CallSite {
        requireNonNull(process, "process is null");
        requireNonNull(instruction, "instruction is null");
        requireNonNull(at, "at is null");
        if (!(instruction instanceof Instruction.Call) && !(instruction instanceof Instruction.WaitFor)) {
            throw new IllegalArgumentException("not a use of kernel objects: " + instruction);
        }
    }

    /** The objects it names. */
    public java.util.List<String> objects() {
        return instruction instanceof Instruction.Call c ? java.util.List.of(c.object()) : ((Instruction.WaitFor) instruction).objects();
    }
}
