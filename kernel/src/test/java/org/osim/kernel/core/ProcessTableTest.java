package org.osim.kernel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Program;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;

/** The process table: its index by name is made on the first look-up and kept up to date after; threads in order. */
class ProcessTableTest {
    private final Engine engine = new Engine();
    private final ProcessTable table = new ProcessTable();

    private ProcessControlBlock process(String name) {
        return table.add(new ProcessControlBlock(table.nextPid(), name, null, 0, 0, "default", 1, 0, 0, Map.of()));
    }

    private ThreadControlBlock thread(ProcessControlBlock p, String name) {
        return table.add(new ThreadControlBlock(engine, table.nextTid(), p, name, name, List.of(), 0, null, 0, false));
    }

    @Test
    void processesAreFoundByNameBeforeAndAfterTheIndexIsMade() {
        ProcessControlBlock a = process("a");
        ProcessControlBlock b = process("b");
        assertThat(table.process("b")).containsSame(b); // the first look-up makes the index
        ProcessControlBlock c = process("c"); // and later processes go into it
        assertThat(table.process("a")).containsSame(a);
        assertThat(table.process("c")).containsSame(c);
        assertThat(table.process("d")).isEmpty();
        assertThatThrownBy(() -> process("c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("a process named 'c' exists already");
    }

    @Test
    void aProcessKeepsItsThreadsInCreationOrder() {
        ProcessControlBlock p = process("p");
        assertThat(p.threads).isEmpty();
        ThreadControlBlock t1 = thread(p, "p");
        assertThat(p.threads).containsExactly(t1);
        ThreadControlBlock t2 = thread(p, "p.w");
        ThreadControlBlock t3 = thread(p, "p.w#2");
        assertThat(p.threads).containsExactly(t1, t2, t3);
        assertThat(table.threads()).containsExactly(t1, t2, t3);
    }

    @Test
    void aWorkloadNamesNoTwoProcessesAlikeSoTheIndexNeedsNoCheckOfItsOwn() {
        assertThatThrownBy(() -> Workload.of("twins", List.of(ProcessSpec.of("a", 0, Program.parse("cpu 1ms")),
                ProcessSpec.of("a", 5, Program.parse("cpu 1ms"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two processes are named 'a'");
    }
}
