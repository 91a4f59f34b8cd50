package org.osim.api.object;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One call of an operation: {@code call m.down} by {@code caller}, with its arguments as written. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public record Invocation(String operation, List<String> arguments, ThreadRef caller) {
    public Invocation {
        requireNonNull(operation, "operation is null");
        requireNonNull(caller, "caller is null");
        arguments = List.copyOf(arguments);
    }

    /** Argument {@code i} as a whole number. */
    public long longArgument(int i) {
        try {
            return Long.parseLong(arguments.get(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + (i + 1) + " of " + operation + " must be a whole number, got '"
                    + arguments.get(i) + "'", e);
        }
    }
}
