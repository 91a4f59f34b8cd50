package org.osim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimTimeTest {
    @Test
    void parsesUnitsAndBareMilliseconds() {
        assertThat(SimTime.parse("500ns")).isEqualTo(500);
        assertThat(SimTime.parse("250us")).isEqualTo(250_000);
        assertThat(SimTime.parse("250µs")).isEqualTo(250_000);
        assertThat(SimTime.parse("4ms")).isEqualTo(4_000_000);
        assertThat(SimTime.parse("1.5s")).isEqualTo(1_500_000_000);
        assertThat(SimTime.parse("10")).isEqualTo(10_000_000);
        assertThat(SimTime.parse(" 2.25 ms ")).isEqualTo(2_250_000);
        assertThat(SimTime.parse("1min")).isEqualTo(60_000_000_000L);
        assertThat(SimTime.parse("0")).isZero();
    }

    @Test
    void theFastPathForWholeNumbersAgreesWithTheFullReading() {
        // Whole numbers with a plain unit take a short cut; anything else (a fraction, spaces, 16 digits) the full path.
        assertThat(SimTime.parse("123456789012345ns")).isEqualTo(123_456_789_012_345L);
        assertThat(SimTime.parse("1234567890123456ns")).isEqualTo(1_234_567_890_123_456L);
        assertThat(SimTime.parse("0012ms")).isEqualTo(12_000_000L);
        assertThat(SimTime.parse("7s")).isEqualTo(7_000_000_000L);
        assertThat(SimTime.parse("9223372036s")).isEqualTo(9_223_372_036_000_000_000L);
        assertThatThrownBy(() -> SimTime.parse("9223372037s")).hasMessageStartingWith("duration too long");
        assertThatThrownBy(() -> SimTime.parse("5mss")).hasMessageStartingWith("expected a duration such as 4ms");
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> SimTime.parse("-5ms")).hasMessage("a duration cannot be negative, got '-5ms'");
        assertThatThrownBy(() -> SimTime.parse("5 parsecs")).hasMessageStartingWith("expected a duration such as 4ms");
        assertThatThrownBy(() -> SimTime.parse("1.5ns")).hasMessage("a duration must be a whole number of nanoseconds, got '1.5ns'");
        assertThatThrownBy(() -> SimTime.parse("99999999999s")).hasMessageStartingWith("duration too long");
    }

    @Test
    void formatsExactlyAndShortly() {
        assertThat(SimTime.format(4_000_000)).isEqualTo("4ms");
        assertThat(SimTime.format(1_500_000_000)).isEqualTo("1500ms");
        assertThat(SimTime.format(2_000_000_000)).isEqualTo("2s");
        assertThat(SimTime.format(250_000)).isEqualTo("250us");
        assertThat(SimTime.format(7)).isEqualTo("7ns");
        assertThat(SimTime.format(0)).isEqualTo("0ms");
        assertThat(SimTime.toMillis(12_000_000L).toPlainString()).isEqualTo("12");
        assertThat(SimTime.toMillis(250_000L).toPlainString()).isEqualTo("0.25");
        assertThat(SimTime.toMillis(4_600_000.4).toPlainString()).isEqualTo("4.6");
        assertThat(SimTime.formatMillis(1_000_000.0 / 3)).isEqualTo("0.333");
    }

    @Test
    void randomStreamsDependOnSeedAndNameOnly() {
        RandomStreams a = new RandomStreams(1);
        long x = a.stream("policy").nextLong();
        a.stream("generate[0]").nextLong();
        assertThat(new RandomStreams(1).stream("policy").nextLong()).isEqualTo(x);
        assertThat(new RandomStreams(2).stream("policy").nextLong()).isNotEqualTo(x);
        assertThat(new RandomStreams(1).stream("generate[0]").nextLong()).isNotEqualTo(x);
    }
}
