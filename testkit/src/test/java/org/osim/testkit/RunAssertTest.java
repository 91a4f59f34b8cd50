package org.osim.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.osim.testkit.RunAssert.assertThatRun;
import static org.osim.testkit.Textbook.ms;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectPlugin;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.QueueOrder;
import org.osim.api.param.Parameters;
import org.osim.api.result.Termination;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.QueueScheduler;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerPlugin;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/** The testkit's assertions read like the book, fail saying what the run did, and Mockito checks a policy's protocol. */
class RunAssertTest {
    static final class Lifo extends SchedulerPlugin {
        Lifo() {
            super("lifo", "last in, first out");
        }

        @Override
        public Scheduler create(Parameters params, SchedulerContext context) {
            return new QueueScheduler(Collections.asLifoQueue(new ArrayDeque<>()));
        }
    }

    /** A lock that blocks its second taker, enough for a deadlock of two. */
    static final class Lock extends KernelObjectPlugin {
        Lock() {
            super("lock", ObjectKind.SYNC, "a plain lock", List.of(OperationSpec.of("lock", true, "take it"), OperationSpec.of("unlock", false, "give it")));
        }

        @Override
        public KernelObject create(String name, Parameters params, ObjectContext context) {
            var waiting = context.waitQueue(name + ".lock", QueueOrder.FIFO);
            org.osim.api.object.ThreadRef[] owner = new org.osim.api.object.ThreadRef[1];
            return call -> {
                if (call.operation().equals("lock")) {
                    if (owner[0] == null) {
                        owner[0] = call.caller();
                        context.acquired(call.caller());
                        return Outcome.done();
                    }
                    return Outcome.block(waiting);
                }
                context.released(owner[0]);
                owner[0] = context.wakeOne(waiting, 0).orElse(null);
                if (owner[0] != null) {
                    context.acquired(owner[0]);
                }
                return Outcome.done();
            };
        }
    }

    @Test
    void fig241UnderLastInFirstOut() {
        assertThatRun(SchedulerHarness.of(new Lifo()).workload(Textbook.fig241()).run())
                .hasSchedule("D 0-4 | C 4-8 | B 8-12 | A 12-20")
                .hasOrder("D", "C", "B", "A")
                .hasMeanTurnaround(ms(11)).hasMeanWaiting(ms(6)).allCompleted().hasNoViolations()
                .task("A").hasTurnaround(ms(20)).hasWaiting(ms(12)).hasResponse(ms(12)).hasCpu(ms(8)).endedBy(Termination.Kind.NORMAL)
                .run().task("D").hasTurnaround(ms(4));
    }

    @Test
    void aFailureSaysWhatTheRunDid() {
        HarnessResult r = SchedulerHarness.of(new Lifo()).workload(Textbook.fig241()).run();
        assertThatThrownBy(() -> assertThatRun(r).hasSchedule("A 0-8 | B 8-12 | C 12-16 | D 16-20"))
                .hasMessageContaining("expected the schedule").hasMessageContaining("but it was\n  D 0-4 | C 4-8 | B 8-12 | A 12-20");
        assertThatThrownBy(() -> assertThatRun(r).task("E")).hasMessageContaining("no task 'E' in the run; it has [A, B, C, D]");
        assertThatThrownBy(() -> assertThatRun(r).task("A").hasTurnaround(ms(8))).hasMessageContaining("turnaround of A (ns)");
    }

    @Test
    void objectsMemoryAndDeadlocks() {
        HarnessResult deadlock = SchedulerHarness.of(new Lifo()).objects(new Lock()).cpus(2).workloadYaml("""
                objects: [ { name: m1, type: lock }, { name: m2, type: lock } ]
                processes:
                  - { name: A, program: "call m1.lock; cpu 2ms; call m2.lock; cpu 1ms; call m2.unlock; call m1.unlock" }
                  - { name: B, program: "call m2.lock; cpu 2ms; call m1.lock; cpu 1ms; call m1.unlock; call m2.unlock" }
                """).run();
        assertThatRun(deadlock).hasViolation("deadlock").hasDeadlockCycle("A", "B").object("m1").hasOperations(2).hasBlocks(1);
        HarnessResult counted = SchedulerHarness.of(new Lifo()).workloadYaml("""
                shared: { counter: 0, seen: [0, 0] }
                processes:
                  - { name: A, program: "load r1, counter; add r1, 1; store counter, r1; store seen[0], r1" }
                """).run();
        assertThatRun(counted).memory("counter").containsExactly(1L);
        assertThatRun(counted).memory("seen").containsExactly(1L, 0L);
    }

    @Test
    void mockitoChecksTheOrderOfCallbacks() {
        // A policy as a mock that delegates to a real one: the kernel's calls, in the order it made them.
        Scheduler policy = mock(Scheduler.class, delegatesTo(new QueueScheduler(new ArrayDeque<>())));
        SchedulerPlugin factory = new SchedulerPlugin("mocked", "a mocked FIFO") {
            @Override
            public Scheduler create(Parameters params, SchedulerContext context) {
                return policy;
            }
        };
        SchedulerHarness.of(factory).workloadYaml("processes: [ { name: A, bursts: [cpu 2ms, io 1ms, cpu 1ms] } ]").run();
        InOrder order = inOrder(policy);
        order.verify(policy).taskNew(any(Task.class));
        order.verify(policy).enqueue(any(Task.class), eq(EnqueueReason.NEW));
        order.verify(policy).pickNext(any(CpuView.class));
        order.verify(policy).running(any(Task.class), any(CpuView.class));
        order.verify(policy).stopping(any(Task.class), any(CpuView.class), eq(StopReason.BLOCKED), anyLong());
        order.verify(policy).enqueue(any(Task.class), eq(EnqueueReason.WAKEUP));
        order.verify(policy).stopping(any(Task.class), any(CpuView.class), eq(StopReason.EXITED), anyLong());
        order.verify(policy).taskExit(any(Task.class));
    }
}
