package org.osim.api.param;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osim.api.OsimException;

/**
 * The resolved values of a plugin's parameters: every declared parameter has a value (given or
 * default), and nothing undeclared is accepted.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class Parameters {
    private final Map<String, ParameterSpec<?>> specs;
    private final Map<String, Object> values;

    private Parameters(Map<String, ParameterSpec<?>> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** No parameters at all. */
    public static Parameters empty() {
        return new Parameters(Map.of(), Map.of());
    }

    /**
     * Checks {@code given} against {@code specs} and fills in defaults.
     *
     * @param owner names the plugin in error messages, e.g. {@code "scheduler 'rr'"}
     * @throws OsimException ({@code BAD_INPUT}) for an unknown name or a bad value, saying what was expected
     */
    public static Parameters resolve(String owner, List<? extends ParameterSpec<?>> specs, Map<String, String> given) {
        requireNonNull(owner, "owner is null");
        Map<String, ParameterSpec<?>> byName = new LinkedHashMap<>();
        for (ParameterSpec<?> spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException(owner + " declares parameter '" + spec.name() + "' twice");
            }
        }
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                String known = byName.isEmpty() ? "it takes no parameters" : "known: " + String.join(", ", byName.keySet());
                throw OsimException.badInput("unknown parameter '" + key + "' for " + owner + " (" + known + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec<?> spec : byName.values()) {
            String text = given.get(spec.name());
            if (text == null) {
                values.put(spec.name(), spec.defaultValue());
            } else {
                try {
                    values.put(spec.name(), spec.type().parse(text));
                } catch (IllegalArgumentException e) {
                    throw OsimException.badInput("parameter '" + spec.name() + "' of " + owner + ": " + e.getMessage());
                }
            }
        }
        return new Parameters(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values));
    }

    public <T> T get(ParameterSpec<T> spec) {
        return spec.type().javaType().cast(value(spec.name()));
    }

    /** A duration parameter, in nanoseconds. */
    public long duration(String name) {
        return (Long) value(name);
    }

    public long integer(String name) {
        return (Long) value(name);
    }

    public double decimal(String name) {
        return (Double) value(name);
    }

    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** A list parameter ({@link ParameterSpec#durations} or {@link ParameterSpec#integers}). */
    @SuppressWarnings("unchecked")
    public List<Long> list(String name) {
        return (List<Long>) value(name);
    }

    public String text(String name) {
        return (String) value(name);
    }

    /** Every value as text, in declaration order: what a report prints and what reproduces the run. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, String> asText() {
        return specs.values().stream().collect(Collectors.toMap(ParameterSpec::name,
                spec -> ((ParameterType) spec.type()).format(values.get(spec.name())),
                (a, b) -> a, LinkedHashMap::new));
    }

    private Object value(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared (declared: " + specs.keySet() + ")");
        }
        return v;
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
