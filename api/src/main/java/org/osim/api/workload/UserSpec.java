package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

/**
 * A user of the machine and the share of the CPU it is entitled to, for fair-share scheduling: a user
 * with share 2 is entitled to twice the CPU of a user with share 1, whatever the number of processes.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record UserSpec(String name, int share) {
    public UserSpec {
        requireNonNull(name, "name is null");
        if (share < 1) {
            throw new IllegalArgumentException("a user's share must be at least 1, got " + share);
        }
    }
}
