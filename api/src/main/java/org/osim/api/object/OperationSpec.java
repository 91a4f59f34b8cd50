package org.osim.api.object;

import static java.util.Objects.requireNonNull;

/**
 * An operation programs may call on an object ({@code call mutex.down}): its name, how many arguments it
 * takes, whether it may block, and one line of help.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public record OperationSpec(String name, int minArgs, int maxArgs, boolean mayBlock, String help) {
    public OperationSpec {
        requireNonNull(name, "name is null");
        requireNonNull(help, "help is null");
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad argument counts for " + name);
        }
    }

    /** An operation without arguments. */
    public static OperationSpec of(String name, boolean mayBlock, String help) {
        return new OperationSpec(name, 0, 0, mayBlock, help);
    }
}
