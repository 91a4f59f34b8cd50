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

    /** A mean, rounded to the nanosecond first. */
    BigDecimal of(double nanos) {
        return of(Math.round(nanos));
    }

    /** For tables: at most three decimals. */
    String text(double nanos) {
        BigDecimal v = of(nanos).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** Per-unit rate from a per-millisecond one (throughput). */
    double perUnit(double perMilli) {
        return perMilli * Math.pow(10, scale - 6);
    }

    static String unitsOf(long nanos) {
        return SimTime.format(nanos);
    }
}
