package org.osim.api.param;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.osim.api.SimTime;

/**
 * The type of a plugin parameter: how its text is parsed and checked, and how a value is printed back.
 *
 * @param <T> the Java type of a value
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class ParameterType<T> {
    private final String description;
    private final Class<T> javaType;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;

    private ParameterType(String description, Class<T> javaType, Function<String, T> parser, Function<T, String> formatter) {
        this.description = requireNonNull(description, "description is null");
        this.javaType = requireNonNull(javaType, "javaType is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
    }

    /** A duration in simulated nanoseconds, written with a unit ({@code 4ms}); at least {@code min}. */
    public static ParameterType<Long> duration(long min) {
        String what = min <= 0 ? "a duration such as 20ms" : "a duration of at least " + SimTime.format(min);
        return new ParameterType<>(what, Long.class, text -> {
            long v = SimTime.parse(text);
            if (v < min) {
                throw new IllegalArgumentException("expected " + what + ", got '" + text + "'");
            }
            return v;
        }, SimTime::format);
    }

    /** A whole number in {@code [min, max]}. */
    public static ParameterType<Long> integer(long min, long max) {
        String what = "a whole number" + range(min, max);
        return new ParameterType<>(what, Long.class, text -> {
            long v;
            try {
                v = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + what + ", got '" + text + "'", e);
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("expected " + what + ", got " + v);
            }
            return v;
        }, String::valueOf);
    }

    /** A decimal number in {@code [min, max]}. */
    public static ParameterType<Double> decimal(double min, double max) {
        String what = "a number from " + min + " to " + max;
        return new ParameterType<>(what, Double.class, text -> {
            double v;
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + what + ", got '" + text + "'", e);
            }
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("expected " + what + ", got " + text.strip());
            }
            return v;
        }, String::valueOf);
    }

    /** {@code true} or {@code false}. */
    public static ParameterType<Boolean> bool() {
        return new ParameterType<>("true or false", Boolean.class, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        }, String::valueOf);
    }

    /** One of a fixed set of words. */
    public static ParameterType<String> choice(List<String> choices) {
        List<String> copy = List.copyOf(choices);
        String what = "one of " + String.join(", ", copy);
        return new ParameterType<>(what, String.class, text -> {
            String v = text.strip();
            if (!copy.contains(v)) {
                throw new IllegalArgumentException("expected " + what + ", got '" + text + "'");
            }
            return v;
        }, Function.identity());
    }

    /**
     * One duration or several, one per level, separated by {@code /} ({@code 10ms/20ms/40ms}): commas
     * separate parameters on the command line. Each is at least {@code min}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ParameterType<List<Long>> durations(long min) {
        ParameterType<Long> one = duration(min);
        return new ParameterType<>("one duration or several separated by /, e.g. 10ms/20ms/40ms", (Class) List.class,
                text -> split(text).stream().map(one::parse).toList(),
                list -> String.join("/", list.stream().map(SimTime::format).toList()));
    }

    /** One whole number or several separated by {@code /} ({@code 1/2/4}), each in {@code [min, max]}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ParameterType<List<Long>> integers(long min, long max) {
        ParameterType<Long> one = integer(min, max);
        return new ParameterType<>("one whole number or several separated by /, e.g. 1/2/4", (Class) List.class,
                text -> split(text).stream().map(one::parse).toList(),
                list -> String.join("/", list.stream().map(String::valueOf).toList()));
    }

    private static List<String> split(String text) {
        List<String> parts = List.of(text.strip().split("\\s*/\\s*"));
        if (parts.isEmpty() || parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("expected values separated by /, got '" + text + "'");
        }
        return parts;
    }

    /** Any text. */
    public static ParameterType<String> text() {
        return new ParameterType<>("text", String.class, String::strip, Function.identity());
    }

    private static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "";
        }
        if (max == Long.MAX_VALUE) {
            return " of at least " + min;
        }
        return " from " + min + " to " + max;
    }

    /** What a value looks like, for help text and error messages ("a duration such as 20ms"). */
    public String description() {
        return description;
    }

    public Class<T> javaType() {
        return javaType;
    }

    /** @throws IllegalArgumentException saying what was expected */
    public T parse(String text) {
        requireNonNull(text, "text is null");
        return parser.apply(text);
    }

    public String format(T value) {
        return formatter.apply(javaType.cast(value));
    }
}
