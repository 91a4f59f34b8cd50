package org.osim.importers.rtapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.api.param.Parameters;
import org.osim.api.program.Program;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadSource;

class RtAppImporterTest {
    @TempDir
    Path dir;

    private Workload read(String json) throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, json);
        return new RtAppImporter().read(new WorkloadSource(f.toString(), f, 1), Parameters.empty());
    }

    @Test
    void jsonIsReadAsRtAppReadsItWithCommentsTrailingCommasAndRepeatedKeysInOrder() {
        LenientJson.Value v = LenientJson.parse("f.json", "{ // a comment\n  \"a\": 1, /* another */ \"run\": 2, \"run\": [3, 4,],\n}");
        LenientJson.Obj o = v.object().orElseThrow();
        assertThat(o.members()).extracting(LenientJson.Member::key).containsExactly("a", "run", "run");
        assertThat(o.members().get(2).value().at().toString()).isEqualTo("f.json:2:42");
        assertThatThrownBy(() -> LenientJson.parse("f.json", "{ \"a\": 1\n  \"b\": 2 }"))
                .hasMessage("f.json:2:3: malformed JSON: expected ',' or '}'");
    }

    @Test
    void tasksBecomeInstancesWithTheirPolicyObjectsAndPrograms() throws IOException {
        Workload w = read("""
                { "global": { "duration": 2, "pi_enabled": true },
                  "tasks": {
                    "worker": { "instance": 2, "priority": -5, "loop": 4, "cpus": [1],
                                "lock": "m", "run": 1500, "unlock": "m", "run1": 500, "barrier": "b", "sleep": 200 },
                    "rt": { "policy": "SCHED_FIFO", "priority": 50, "delay": 1000, "phases": {
                              "p1": { "loop": 2, "wait": { "ref": "c", "mutex": "m" }, "run": 100 },
                              "p2": { "signal": "c", "sem_post": "s" } } }
                  } }
                """);
        assertThat(w.processes()).extracting(ProcessSpec::name).containsExactly("worker-0", "worker-1", "rt-2");
        ProcessSpec worker = w.processes().get(0);
        assertThat(worker.nice()).isEqualTo(-5);
        assertThat(worker.affinity()).containsExactly(1);
        assertThat(worker.threads().get(0).program()).isEqualTo(
                Program.parse("call m.lock; cpu 1500us; call m.unlock; cpu 500us; call b.wait; sleep 200us").repeated(4));
        ProcessSpec rt = w.processes().get(2);
        assertThat(rt.priority()).isEqualTo(50);
        assertThat(rt.arrival()).isEqualTo(1_000_000);
        assertThat(rt.threads().get(0).program()).isEqualTo(Program.parse(
                "call m.wait c; cpu 100us; call m.wait c; cpu 100us; call m.signal c; call s.up").repeated(100_000_000));
        assertThat(w.objects()).containsExactly(ObjectSpec.of("m", "mutex", Map.of("inherit", "true")),
                ObjectSpec.of("b", "barrier", Map.of("parties", "2")), ObjectSpec.of("s", "semaphore", Map.of()));
        assertThat(w.machine().cpus()).isEqualTo(2);
        assertThat(w.duration()).hasValue(2_000_000_000L);
        assertThat(w.scheduler()).hasValue("priority:preemptive=true");
    }

    @Test
    void aTimerEndingTheOnlyPhaseIsThePeriodAndDeadlineTasksTakeTheirDeadline() throws IOException {
        Workload w = read("""
                { "tasks": { "dl": { "policy": "SCHED_DEADLINE", "dl-runtime": 900, "dl-period": 4000, "dl-deadline": 3000,
                                     "loop": 10, "run": 800, "timer": { "ref": "unique", "period": 4000 } } } }
                """);
        ProcessSpec dl = w.processes().get(0);
        assertThat(dl.periodic().orElseThrow().period()).isEqualTo(4_000_000);
        assertThat(dl.periodic().orElseThrow().deadline()).isEqualTo(3_000_000);
        assertThat(dl.periodic().orElseThrow().jobs()).hasValue(10);
        assertThat(dl.threads().get(0).program()).isEqualTo(Program.parse("cpu 800us"));
        assertThat(w.scheduler()).hasValue("edf");
    }

    @Test
    void anEventOsimCannotModelIsAnErrorNamingTheEventAndTheTask() {
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"loop\": 1, \"runtime\": 100 } } }"))
                .hasMessageEndingWith("t.json:1:32: task a: event 'runtime' cannot be modelled: it spins for wall-clock time, "
                        + "whatever CPU share it gets (use run, a fixed amount of work)");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"loop\": 1, \"memrun\": 100 } } }"))
                .hasMessageContaining("task a: event 'memrun' cannot be modelled");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"loop\": 1, \"frobnicate\": 1 } } }"))
                .hasMessageContaining("task a: unknown event 'frobnicate'");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"loop\": 1, \"timer\": { \"period\": 10 }, \"run\": 5 } } }"))
                .hasMessageContaining("a timer is imported as the task's period, so it must be the last event");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"instance\": 2, \"loop\": 1, \"run\": 5, "
                + "\"timer\": { \"ref\": \"tick\", \"period\": 10 } } } }"))
                .hasMessageContaining("timer 'tick' is shared by 2 threads");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"policy\": \"SCHED_DEADLINE\", \"loop\": 1, \"run\": 5 } } }"))
                .hasMessageContaining("SCHED_DEADLINE task a has no timer");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"run\": 5 } } }"))
                .hasMessageContaining("task a loops forever (loop -1) and global.duration is not set");
        assertThatThrownBy(() -> read("{ \"tasks\": { \"a\": { \"loop\": 1, \"signal\": \"c\" } } }"))
                .hasMessageContaining("no wait names the mutex of this condition");
    }

    @Test
    void forkSpawnsAThreadRunningTheForkedTasksEventsAndSuspendWaitsForResume() throws IOException {
        Workload w = read("""
                { "global": { "duration": 1 },
                  "tasks": {
                    "main task": { "loop": 1, "run": 100, "fork": "worker 1", "resume": "waiter", "sleep": 50 },
                    "worker 1": { "instance": 0, "loop": 2, "run": 30 },
                    "waiter": { "loop": 1, "suspend": "x", "run": 10 }
                  } }
                """);
        assertThat(w.processes()).extracting(ProcessSpec::name).containsExactly("main_task-0", "waiter-1");
        ProcessSpec main = w.processes().get(0);
        assertThat(main.threads().get(0).program()).isEqualTo(Program.parse("cpu 100us; spawn worker_1; call suspend-waiter.pulse; sleep 50us"));
        assertThat(main.programs()).containsEntry("worker_1", Program.parse("cpu 30us").repeated(2));
        assertThat(w.processes().get(1).threads().get(0).program()).isEqualTo(Program.parse("waitfor suspend-waiter; cpu 10us"));
        assertThat(w.objects()).containsExactly(ObjectSpec.of("suspend-waiter", "event", Map.of("reset", "manual")));
    }
}
