package org.osim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.osim.api.param.Parameters;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.QueueScheduler;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerPlugin;
import org.osim.api.sched.Task;

/** The scheduler contract passes a correct policy and catches a broken one, saying what broke. */
class SchedulerContractTestTest {
    /** First come, first served with a 5 ms slice: keeps the contract. */
    public static final class Fifo extends SchedulerPlugin {
        public Fifo() {
            super("fifo-test", "first come, first served, 5 ms slices");
        }

        @Override
        public Scheduler create(Parameters params, SchedulerContext context) {
            return new QueueScheduler(new ArrayDeque<>(), 5_000_000L);
        }
    }

    /** Loses every third task that becomes ready: it is never picked again. */
    public static final class Losing extends SchedulerPlugin {
        public Losing() {
            super("losing", "forgets every third task it is given");
        }

        @Override
        public Scheduler create(Parameters params, SchedulerContext context) {
            return new QueueScheduler(new ArrayDeque<>()) {
                private int seen;

                @Override
                public void enqueue(Task task, EnqueueReason why) {
                    if (++seen % 3 != 0) {
                        super.enqueue(task, why);
                    }
                }
            };
        }
    }

    /** An author's own contract test, as the docs show it: here run by hand, to see it pass. */
    static final class FifoContractTest extends SchedulerContractTest {
        @Override
        protected org.osim.api.sched.SchedulerFactory factory() {
            return new Fifo();
        }
    }

    private static Throwable run(DynamicTest t) {
        return catchThrowable(() -> t.getExecutable().execute());
    }

    @Test
    void aCorrectPolicyKeepsEveryRule() {
        List<DynamicTest> tests = new FifoContractTest().contract().toList();
        assertThat(tests).hasSize(17);
        for (DynamicTest t : tests) {
            Throwable failure = run(t);
            if (t.getDisplayName().equals("every thread model, 2 CPUs")) { // no standard schedulers on this class path
                assertThat(failure).isInstanceOf(org.opentest4j.TestAbortedException.class);
            } else {
                assertThat(failure).as(t.getDisplayName()).isNull();
            }
        }
    }

    @Test
    void aPolicyThatLosesATaskIsCaught() {
        DynamicTest first = SchedulerContract.tests(new Losing(), Map.of()).findFirst().orElseThrow();
        assertThat(first.getDisplayName()).isEqualTo("every task runs on fig-2-41");
        Throwable failure = run(first);
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("watchdog");
        assertThat(SchedulerContract.tests(new Losing(), Map.of()).map(SchedulerContractTestTest::run).filter(f -> f != null).count())
                .as("the rules it breaks").isGreaterThan(10);
    }
}
