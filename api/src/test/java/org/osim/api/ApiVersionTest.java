package org.osim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which plugin builds this osim-api runs: the same major version, or for 0.x the same minor one. */
class ApiVersionTest {
    @Test
    void linesFollowSemanticVersioning() {
        assertThat(ApiVersion.line("1.4.2")).isEqualTo("1");
        assertThat(ApiVersion.line("2.0.0-rc1")).isEqualTo("2");
        assertThat(ApiVersion.line("0.3.1")).isEqualTo("0.3");
        assertThat(ApiVersion.line("0.1.0-SNAPSHOT")).isEqualTo("0.1");
    }

    @Test
    void thisApiRunsItsOwnLineOnly() {
        assertThat(ApiVersion.current()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"); // written by the build from the pom
        assertThat(ApiVersion.compatible("0.1.0")).isTrue();
        assertThat(ApiVersion.compatible("0.1.7-SNAPSHOT")).isTrue();
        assertThat(ApiVersion.compatible("0.2.0")).isFalse();
        assertThat(ApiVersion.compatible("1.0.0")).isFalse();
        assertThat(ApiVersion.compatible("")).isTrue(); // a jar that does not say
    }
}
