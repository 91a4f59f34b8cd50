package org.osim.api;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated time: a {@code long} count of nanoseconds. Durations written by people carry a unit
 * ({@code 500ns}, {@code 250us}, {@code 4ms}, {@code 1.5s}); a bare number means milliseconds, the
 * textbook's unit.
 */
@Api(Api.Status.STABLE)
public final class SimTime {
    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final Pattern DURATION =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(ns|us|µs|ms|s|min)?\\s*");

    private SimTime() {}

    /** Milliseconds, the unit of the textbook. */
    public static long millis(long ms) {
        return Math.multiplyExact(ms, NANOS_PER_MILLI);
    }

    /**
     * Parses a duration such as {@code 4ms}, {@code 1.5s} or {@code 250us}; a bare number is milliseconds.
     *
     * @throws IllegalArgumentException saying what was expected, if the text is not a non-negative duration
     */
    public static long parse(String text) {
        long plain = parsePlain(text);
        if (plain >= 0) {
            return plain;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 4ms, 250us, 1.5s or 10 (milliseconds), got '" + text + "'");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a duration cannot be negative, got '" + text.strip() + "'");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        long scale = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> NANOS_PER_MICRO;
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "min" -> 60 * NANOS_PER_SECOND;
            default -> throw new AssertionError(unit);
        };
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(scale));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a duration must be a whole number of nanoseconds, got '" + text.strip() + "'");
        }
        try {
            return nanos.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration too long: '" + text.strip() + "'", e);
        }
    }

    /**
     * The common case fast, as a trace has a million durations: a whole number of at most 15 digits and a unit
     * of ns, us, ms or s (or none: milliseconds); -1 for anything else, which {@link #parse} reads in full.
     */
    private static long parsePlain(String text) {
        int n = text.length();
        int i = 0;
        long v = 0;
        while (i < n && i < 15 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            v = v * 10 + (text.charAt(i++) - '0');
        }
        if (i == 0 || i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            return -1;
        }
        String unit = text.substring(i);
        long scale = switch (unit) {
            case "ns" -> 1L;
            case "us" -> NANOS_PER_MICRO;
            case "ms", "" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            default -> -1L;
        };
        if (scale < 0 || v > Long.MAX_VALUE / scale) {
            return -1;
        }
        return v * scale;
    }

    /** The shortest exact text for a duration: {@code 4ms}, {@code 1500us}, {@code 2s}, {@code 7ns}. */
    public static String format(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "infinite";
        }
        if (nanos != 0 && nanos % NANOS_PER_SECOND == 0) {
            return nanos / NANOS_PER_SECOND + "s";
        }
        if (nanos % NANOS_PER_MILLI == 0) {
            return nanos / NANOS_PER_MILLI + "ms";
        }
        if (nanos % NANOS_PER_MICRO == 0) {
            return nanos / NANOS_PER_MICRO + "us";
        }
        return nanos + "ns";
    }

    /** Nanoseconds as an exact number of milliseconds, without trailing zeros ({@code 12}, {@code 0.25}). */
    public static BigDecimal toMillis(long nanos) {
        return stripped(BigDecimal.valueOf(nanos, 6));
    }

    /** A mean or other fractional nanosecond figure, rounded to the nanosecond, in milliseconds. */
    public static BigDecimal toMillis(double nanos) {
        return toMillis(Math.round(nanos));
    }

    /** Milliseconds for people: at most three decimals ({@code 12}, {@code 4.6}, {@code 0.333}). */
    public static String formatMillis(double nanos) {
        BigDecimal ms = BigDecimal.valueOf(Math.round(nanos), 6).setScale(3, java.math.RoundingMode.HALF_EVEN);
        return stripped(ms).toPlainString();
    }

    private static BigDecimal stripped(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
