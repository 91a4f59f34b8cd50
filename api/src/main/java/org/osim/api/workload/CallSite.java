package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.osim.api.SourceLocation;
import org.osim.api.program.Instruction;

/** A {@code call} in a workload's programs and where it is written: checked against the objects' types before a run. */
public record CallSite(String process, Instruction.Call call, Optional<SourceLocation> at) {
    public CallSite {
        requireNonNull(process, "process is null");
        requireNonNull(call, "call is null");
        requireNonNull(at, "at is null");
    }
}
