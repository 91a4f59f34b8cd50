package org.osim.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;

class ParametersTest {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms", "slice");
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", true, "preempt");
    static final ParameterSpec<Long> QUEUES = ParameterSpec.integer("queues", 3, 1, 16, "levels");
    static final ParameterSpec<Double> ALPHA = ParameterSpec.decimal("alpha", 0.5, 0, 1, "weight");
    static final ParameterSpec<String> MODE = ParameterSpec.choice("mode", "mesa", List.of("hoare", "mesa"), "semantics");
    static final List<ParameterSpec<?>> ALL = List.of(QUANTUM, PREEMPTIVE, QUEUES, ALPHA, MODE);

    @Test
    void defaultsFillInAndGivenValuesParse() {
        Parameters p = Parameters.resolve("scheduler 'x'", ALL, Map.of("quantum", "4ms", "queues", "5", "mode", "hoare"));
        assertThat(p.get(QUANTUM)).isEqualTo(4_000_000L);
        assertThat(p.duration("quantum")).isEqualTo(4_000_000L);
        assertThat(p.bool("preemptive")).isTrue();
        assertThat(p.integer("queues")).isEqualTo(5);
        assertThat(p.decimal("alpha")).isEqualTo(0.5);
        assertThat(p.text("mode")).isEqualTo("hoare");
        assertThat(p.asText()).containsExactly(Map.entry("quantum", "4ms"), Map.entry("preemptive", "true"),
                Map.entry("queues", "5"), Map.entry("alpha", "0.5"), Map.entry("mode", "hoare"));
    }

    @Test
    void unknownNamesAndBadValuesAreBadInput() {
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'x'", ALL, Map.of("quantm", "4ms")))
                .isInstanceOf(OsimException.class)
                .satisfies(e -> assertThat(((OsimException) e).code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessage("unknown parameter 'quantm' for scheduler 'x' (known: quantum, preemptive, queues, alpha, mode)");
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'x'", ALL, Map.of("quantum", "0ms")))
                .hasMessage("parameter 'quantum' of scheduler 'x': expected a duration of at least 1ns, got '0ms'");
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'x'", ALL, Map.of("queues", "17")))
                .hasMessage("parameter 'queues' of scheduler 'x': expected a whole number from 1 to 16, got 17");
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'x'", ALL, Map.of("preemptive", "maybe")))
                .hasMessage("parameter 'preemptive' of scheduler 'x': expected true or false, got 'maybe'");
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'x'", ALL, Map.of("mode", "java")))
                .hasMessage("parameter 'mode' of scheduler 'x': expected one of hoare, mesa, got 'java'");
        assertThatThrownBy(() -> Parameters.resolve("scheduler 'y'", List.of(), Map.of("a", "1")))
                .hasMessage("unknown parameter 'a' for scheduler 'y' (it takes no parameters)");
    }
}
