package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.hardware.Engine;

/** The baselines run on classes of their own, and count what the benchmarks they stand beside count. */
class BenchBaselinesTest {
    @Test
    void theHoldLoopRunsOnAnEngineLoadedApart() throws Exception {
        Class<?> loop = BenchBaselines.isolatedHoldLoop();
        assertThat(loop).isNotSameAs(HoldLoop.class);
        assertThat(loop.getName()).isEqualTo(HoldLoop.class.getName());
        Class<?> engine = loop.getClassLoader().loadClass(Engine.class.getName());
        assertThat(engine).isNotSameAs(Engine.class);
        // Everything else is shared: the JDK, and the command line's own classes.
        assertThat(loop.getClassLoader().loadClass(BenchCommand.class.getName())).isSameAs(BenchCommand.class);
    }

    @Test
    void theEngineAndTheRawHeapFireTheSameEvents() {
        // 10,000 timers rescheduled until 40,000 firings have been made, then each fires once more as the loop drains.
        assertThat(BenchBaselines.engine(50_000).events()).isEqualTo(50_000);
        assertThat(BenchBaselines.holdModel(50_000).events()).isEqualTo(50_000);
        assertThat(HoldLoop.engine(50_000)[0]).isEqualTo(50_000);
    }
}
