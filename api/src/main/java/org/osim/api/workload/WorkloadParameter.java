package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

/**
 * A parameter a workload declares ({@code parameters:}) and uses as {@code $name} in its text: a buffer
 * size, an item count, an arrival rate. A run may set it ({@code --set name=value}).
 *
 * @param value what this run uses: the default, or what the run set
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record WorkloadParameter(String name, String defaultValue, String value, String help) {
    public WorkloadParameter {
        requireNonNull(name, "name is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(value, "value is null");
        requireNonNull(help, "help is null");
    }
}
