package org.osim.api.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunQueuesTest {
    /** A bare task for queue tests. */
    record T(String name) implements Task {
        public int id() { return 0; }
        public int pid() { return 0; }
        public String processName() { return name; }
        public String user() { return ""; }
        public ThreadKind kind() { return ThreadKind.KERNEL; }
        public int basePriority() { return 0; }
        public int priority() { return 0; }
        public int tickets() { return 1; }
        public int nice() { return 0; }
        public boolean realTime() { return false; }
        public long periodNanos() { return Long.MAX_VALUE; }
        public long relativeDeadlineNanos() { return Long.MAX_VALUE; }
        public long deadlineNanos() { return Long.MAX_VALUE; }
        public long jobRemainingNanos() { return 0; }
        public long arrivalNanos() { return 0; }
        public long declaredRunNanos() { return 0; }
        public long cpuNanos() { return 0; }
        public ThreadState state() { return ThreadState.READY; }
        public OptionalInt lastCpu() { return OptionalInt.empty(); }
        public void attach(Object data) {}
        public <X> X attachment(Class<X> type) { throw new IllegalStateException(); }
        public boolean hasAttachment() { return false; }
    }

    final T a = new T("a");
    final T b = new T("b");
    final T c = new T("c");

    @Test
    void priorityQueueBreaksTiesFirstComeFirstServed() {
        PriorityRunQueue q = new PriorityRunQueue();
        q.add(a, 5);
        q.add(b, 3);
        q.add(c, 5);
        assertThat(q.peekKey()).isEqualTo(3);
        assertThat(q.poll()).isSameAs(b);
        assertThat(q.poll()).isSameAs(a);
        assertThat(q.poll()).isSameAs(c);
        assertThat(q.poll()).isNull();
        q.add(a, 1);
        assertThat(q.remove(a)).isTrue();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void fifoAndMultiLevelQueues() {
        FifoRunQueue f = new FifoRunQueue();
        f.add(a);
        f.add(b);
        f.addFirst(c);
        assertThat(f).containsExactly(c, a, b);
        assertThat(f.remove(a)).isTrue();
        assertThat(f.poll()).isSameAs(c);
        MultiLevelQueue m = new MultiLevelQueue(3);
        m.add(2, a);
        m.add(1, b);
        m.addFirst(1, c);
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.highestNonEmpty()).isEqualTo(1);
        assertThat(m.poll()).isSameAs(c);
        assertThat(m.poll()).isSameAs(b);
        assertThat(m.remove(a)).isTrue();
        assertThat(m.poll()).isNull();
    }

    @Test
    void threadStatesMoveOnlyAsTheDiagramAllows() {
        assertThat(ThreadState.RUNNING.canMoveTo(ThreadState.READY)).isTrue();
        assertThat(ThreadState.READY.canMoveTo(ThreadState.BLOCKED)).isFalse();
        int legal = 0;
        for (ThreadState from : ThreadState.values()) {
            for (ThreadState to : ThreadState.values()) {
                legal += from.canMoveTo(to) ? 1 : 0;
            }
        }
        assertThat(legal).isEqualTo(9);
    }
}
