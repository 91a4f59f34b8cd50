package org.osim.kernel;

import static java.util.Objects.requireNonNull;

import org.osim.api.OsimException;
import org.osim.api.result.RunResult;

/**
 * A run that a plugin's fault stopped: the fault's message and exit code, and the results as far as the run came
 * ({@link #partial()}: what ended before the fault, with the work under way accounted up to it), for a report.
 */
public final class RunAborted extends OsimException {
    private static final long serialVersionUID = 1L;
    private final transient RunResult partial;

    public RunAborted(OsimException fault, RunResult partial) {
        super(fault.code(), fault.getMessage(), fault);
        this.partial = requireNonNull(partial, "partial is null");
    }

    /** The results up to the fault. */
    public RunResult partial() {
        return partial;
    }
}
