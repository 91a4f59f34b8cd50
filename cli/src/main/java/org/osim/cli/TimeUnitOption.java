package org.osim.cli;

import java.math.BigDecimal;
import org.osim.api.SimTime;

/** The unit reports print times in; milliseconds unless asked otherwise. */
enum TimeUnitOption {
    ns(0), us(3), ms(6), s(9);

    private final int scale;

    TimeUnitOption(int scale) {
        this.scale = scale;
    }

    /** Exact, without trailing zeros. */
    BigDecimal of(long nanos) {
        BigDecimal v = BigDecimal.valueOf(nanos, scale).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * Writes {@code nanos} in this unit as the JSON field {@code name}: a whole number as a plain integer (the common
     * case, without a BigDecimal), anything else exactly, as {@link #of(long)}.
     */
    void write(com.fasterxml.jackson.core.JsonGenerator g, String name, long nanos) throws java.io.IOException {
        long per = PER[ordinal()];
        if (nanos % per == 0) {
            g.writeNumberField(name, nanos / per);
        } else {
            g.writeNumberField(name, of(nanos));
        }
    }

    /** A mean, rounded to the nanosecond first, as {@link #write(com.fasterxml.jackson.core.JsonGenerator, String, long)}. */
    void write(com.fasterxml.jackson.core.JsonGenerator g, String name, double nanos) throws java.io.IOException {
        write(g, name, Math.round(nanos));
    }

    private static final long[] PER = {1, 1_000, 1_000_000, 1_000_000_000};

    /** A mean, rounded to the nanosecond first. */
    BigDecimal of(double nanos) {
        return of(Math.round(nanos));
    }

    /** For tables: at most three decimals. */
    String text(double nanos) {
        BigDecimal v = of(nanos).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** Nanoseconds in one of this unit. */
    double nanosPerUnit() {
        return PER[ordinal()];
    }

    /** Per-unit rate from a per-millisecond one (throughput). */
    double perUnit(double perMilli) {
        return perMilli * Math.pow(10, scale - 6);
    }

    static String unitsOf(long nanos) {
        return SimTime.format(nanos);
    }
}
