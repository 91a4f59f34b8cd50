package org.osim.api.param;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One parameter a plugin accepts: its name, type, default and one line of help.
 *
 * @param <T> the Java type of its value
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public record ParameterSpec<T>(String name, ParameterType<T> type, T defaultValue, String help) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    public ParameterSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(help, "help is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must be a lowerCamelCase word: '" + name + "'");
        }
    }

    /** A duration parameter greater than zero, with its default written as text ({@code "20ms"}). */
    public static ParameterSpec<Long> duration(String name, String defaultValue, String help) {
        ParameterType<Long> type = ParameterType.duration(1);
        return new ParameterSpec<>(name, type, type.parse(defaultValue), help);
    }

    /** A duration parameter that may be zero (meaning "none", say), with its default written as text. */
    public static ParameterSpec<Long> durationOrZero(String name, String defaultValue, String help) {
        ParameterType<Long> type = ParameterType.duration(0);
        return new ParameterSpec<>(name, type, type.parse(defaultValue), help);
    }

    public static ParameterSpec<Long> integer(String name, long defaultValue, long min, long max, String help) {
        return new ParameterSpec<>(name, ParameterType.integer(min, max), defaultValue, help);
    }

    public static ParameterSpec<Double> decimal(String name, double defaultValue, double min, double max, String help) {
        return new ParameterSpec<>(name, ParameterType.decimal(min, max), defaultValue, help);
    }

    public static ParameterSpec<Boolean> bool(String name, boolean defaultValue, String help) {
        return new ParameterSpec<>(name, ParameterType.bool(), defaultValue, help);
    }

    /** Durations, one per level, written {@code 10ms/20ms/40ms}; the default is written the same way. */
    public static ParameterSpec<List<Long>> durations(String name, String defaultValue, String help) {
        ParameterType<List<Long>> type = ParameterType.durations(1);
        return new ParameterSpec<>(name, type, type.parse(defaultValue), help);
    }

    /** Whole numbers, one per level, written {@code 1/2/4}. */
    public static ParameterSpec<List<Long>> integers(String name, String defaultValue, long min, long max, String help) {
        ParameterType<List<Long>> type = ParameterType.integers(min, max);
        return new ParameterSpec<>(name, type, type.parse(defaultValue), help);
    }

    public static ParameterSpec<String> choice(String name, String defaultValue, List<String> choices, String help) {
        return new ParameterSpec<>(name, ParameterType.choice(choices), defaultValue, help);
    }

    /** The default value as it would be written on the command line. */
    public String defaultText() {
        return type.format(defaultValue);
    }
}
