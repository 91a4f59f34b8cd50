package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.osim.api.SourceLocation;

/**
 * A kernel object a workload declares: {@code { name: mutex, type: semaphore, initial: 1 }}.
 *
 * @param params its declaration parameters as written
 * @param at where it is declared (its type), for errors
 * @param paramsAt where each parameter is written
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record ObjectSpec(String name, String type, Map<String, String> params, Optional<SourceLocation> at,
                         Map<String, SourceLocation> paramsAt) {
    public ObjectSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        requireNonNull(at, "at is null");
        paramsAt = Map.copyOf(paramsAt);
    }

    /** An object declared in code, with no place in a file. */
    public static ObjectSpec of(String name, String type, Map<String, String> params) {
        return new ObjectSpec(name, type, params, Optional.empty(), Map.of());
    }
}
