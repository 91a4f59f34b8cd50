package org.osim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectPlugin;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.QueueOrder;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/** The kernel-object contract passes a correct semaphore and catches one whose up wakes two waiters for one unit. */
class KernelObjectContractTestTest {
    static final ParameterSpec<Long> INITIAL = ParameterSpec.integer("initial", 0, 0, Long.MAX_VALUE, "units it starts with");

    /** A counting semaphore; {@code broken}, its up wakes every waiter instead of one. */
    static class Sem extends KernelObjectPlugin {
        private final boolean broken;

        Sem(String type, boolean broken) {
            super(type, ObjectKind.SYNC, "a counting semaphore for the contract's own test",
                    List.of(OperationSpec.of("down", true, "take a unit, or wait"), OperationSpec.of("up", false, "give one back")), INITIAL);
            this.broken = broken;
        }

        @Override
        public KernelObject create(String name, Parameters params, ObjectContext context) {
            var waiting = context.waitQueue(name + ".down", QueueOrder.FIFO);
            long[] value = {params.get(INITIAL)};
            return call -> {
                if (call.operation().equals("down")) {
                    if (value[0] > 0) {
                        value[0]--;
                        return Outcome.done();
                    }
                    return Outcome.block(waiting);
                }
                boolean woke = broken ? context.wakeAll(waiting, 0) > 0 : context.wakeOne(waiting, 0).isPresent();
                if (!woke) {
                    value[0]++; // nobody waits: the unit is kept
                }
                return Outcome.done();
            };
        }
    }

    /** Three processes take turns in a critical region guarded by the semaphore as a mutex. */
    private static List<KernelObjectContract.Scenario> scenarios(String type) {
        String worker = "call s.down; enter; cpu 20us; leave; call s.up; cpu 10us";
        return List.of(new KernelObjectContract.Scenario("a mutex for three", "objects: [ { name: s, type: " + type + ", initial: 1 } ]\n"
                + "processes:\n" + "  - { name: A, repeat: 5, program: \"" + worker + "\" }\n"
                + "  - { name: B, repeat: 5, program: \"" + worker + "\" }\n" + "  - { name: C, repeat: 5, program: \"" + worker + "\" }\n"));
    }

    private static Throwable run(DynamicTest t) {
        return catchThrowable(() -> t.getExecutable().execute());
    }

    @Test
    void aCorrectSemaphoreKeepsEveryRule() {
        List<DynamicTest> tests = KernelObjectContract.tests(new Sem("sem", false), scenarios("sem")).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("a mutex for three: every process completes under round robin",
                "a mutex for three: 100 random interleavings on 1 CPU", "a mutex for three: 100 random interleavings on 2 CPUs",
                "a mutex for three: two runs are the same");
        for (DynamicTest t : tests) {
            assertThat(run(t)).as(t.getDisplayName()).isNull();
        }
    }

    @Test
    void aSemaphoreThatWakesTwoWaitersForOneUpIsCaught() {
        List<Throwable> failures = KernelObjectContract.tests(new Sem("bad-sem", true), scenarios("bad-sem")).map(KernelObjectContractTestTest::run)
                .toList();
        assertThat(failures.get(2)).isNotNull();
        assertThat(failures.get(2).getMessage()).contains("violations").contains("mutual-exclusion");
    }
}
