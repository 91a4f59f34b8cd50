package org.osim.kernel.core;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.osim.kernel.core.KernelTest.proc;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.kernel.Simulation;

/** The order in which the kernel calls a policy around a preemption, a block and an exit (the SPI's protocol). */
class SchedulerProtocolTest {
    private static Task named(String name) {
        return argThat(t -> t != null && t.name().equals(name));
    }

    private static Scheduler run(long quantumNanos, ProcessSpec... ps) {
        Scheduler policy = spy(new TestPolicies.Fifo(quantumNanos));
        Simulation.builder(Workload.of("test", List.of(ps))).scheduler(TestPolicies.factory("spied", List.of(), (p, c) -> policy),
                Map.of()).run();
        return policy;
    }

    @Test
    void aSliceEndStopsTheTaskThenHandsItBackBehindTheOthers() {
        Scheduler p = run(2_000_000, proc("A", 0, "cpu 3ms"), proc("B", 0, "cpu 1ms"));
        InOrder o = inOrder(p);
        o.verify(p).taskNew(named("A"));
        o.verify(p).enqueue(named("A"), eq(EnqueueReason.NEW));
        o.verify(p).taskNew(named("B"));
        o.verify(p).enqueue(named("B"), eq(EnqueueReason.NEW));
        o.verify(p).pickNext(any(CpuView.class));
        o.verify(p).running(named("A"), any());
        o.verify(p).sliceNanos(named("A"), any());
        o.verify(p).stopping(named("A"), any(), eq(StopReason.SLICE_EXPIRED), eq(2_000_000L));
        o.verify(p).enqueue(named("A"), eq(EnqueueReason.SLICE_EXPIRED));
        o.verify(p).pickNext(any(CpuView.class));
        o.verify(p).running(named("B"), any());
        o.verify(p).stopping(named("B"), any(), eq(StopReason.EXITED), eq(1_000_000L));
        o.verify(p).taskExit(named("B"));
        o.verify(p).running(named("A"), any());
        o.verify(p).stopping(named("A"), any(), eq(StopReason.EXITED), eq(1_000_000L));
        o.verify(p).taskExit(named("A"));
        o.verifyNoMoreInteractions();
    }

    @Test
    void aBlockStopsTheTaskAndItsWakeUpEnqueuesItAgain() {
        Scheduler p = run(Long.MAX_VALUE, proc("A", 0, "cpu 1ms; io 2ms; cpu 1ms"));
        InOrder o = inOrder(p);
        o.verify(p).enqueue(named("A"), eq(EnqueueReason.NEW));
        o.verify(p).running(named("A"), any());
        o.verify(p).stopping(named("A"), any(), eq(StopReason.BLOCKED), eq(1_000_000L));
        o.verify(p).enqueue(named("A"), eq(EnqueueReason.WAKEUP));
        o.verify(p).pickNext(any(CpuView.class));
        o.verify(p).running(named("A"), any());
        o.verify(p).stopping(named("A"), any(), eq(StopReason.EXITED), anyLong());
        o.verify(p).taskExit(named("A"));
    }

    @Test
    void aKilledReadyTaskIsDequeuedNotStopped() {
        Scheduler p = run(Long.MAX_VALUE, proc("killer", 0, "cpu 1ms; kill victim"), proc("victim", 0, "cpu 5ms"));
        InOrder o = inOrder(p);
        o.verify(p).enqueue(named("victim"), eq(EnqueueReason.NEW));
        o.verify(p).running(named("killer"), any());
        o.verify(p).dequeue(named("victim"));
        o.verify(p).taskExit(named("victim"));
        o.verify(p).stopping(named("killer"), any(), eq(StopReason.EXITED), anyLong());
        org.mockito.Mockito.verify(p, org.mockito.Mockito.never()).running(named("victim"), any());
    }
}
