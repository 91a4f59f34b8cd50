package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicketTreeTest {
    /** The tree must name the same holder as a linear walk over slots, as tasks come and go. */
    @Test
    void drawsTheSameHolderAsALinearWalk() {
        List<RunQueuesTask> all = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            all.add(new RunQueuesTask("t" + i, r.nextInt(40)));
        }
        TicketTree tree = new TicketTree();
        List<RunQueuesTask> present = new ArrayList<>();
        for (int step = 0; step < 20000; step++) {
            RunQueuesTask t = all.get(r.nextInt(all.size()));
            if (present.contains(t)) {
                tree.remove(t);
                present.remove(t);
            } else {
                tree.add(t);
                present.add(t);
            }
            long total = present.stream().mapToLong(RunQueuesTask::tickets).sum();
            assertThat(tree.total()).isEqualTo(total);
            if (total > 0) {
                long k = r.nextLong(total);
                // Linear walk in slot order: the tree's slot order is its own, so compare by ticket ranges.
                org.osim.api.sched.Task holder = tree.holder(k);
                long before = 0;
                for (org.osim.api.sched.Task x : tree.tasks()) {
                    if (x == holder) {
                        break;
                    }
                    before += x.tickets();
                }
                assertThat(k).isGreaterThanOrEqualTo(before).isLessThan(before + holder.tickets());
            }
        }
    }

    /** A bare task with a ticket count. */
    record RunQueuesTask(String name, int tickets, TicketTree.Slot slot) implements org.osim.api.sched.Task {
        RunQueuesTask(String name, int tickets) {
            this(name, tickets, new TicketTree.Slot());
        }

        public int id() { return 0; }
        public int pid() { return 0; }
        public String processName() { return name; }
        public String user() { return ""; }
        public org.osim.api.sched.ThreadKind kind() { return org.osim.api.sched.ThreadKind.KERNEL; }
        public int basePriority() { return 0; }
        public int priority() { return 0; }
        public int nice() { return 0; }
        public boolean realTime() { return false; }
        public long periodNanos() { return Long.MAX_VALUE; }
        public long relativeDeadlineNanos() { return Long.MAX_VALUE; }
        public long deadlineNanos() { return Long.MAX_VALUE; }
        public long jobRemainingNanos() { return 0; }
        public long arrivalNanos() { return 0; }
        public long declaredRunNanos() { return 0; }
        public long cpuNanos() { return 0; }
        public org.osim.api.sched.ThreadState state() { return org.osim.api.sched.ThreadState.READY; }
        public java.util.OptionalInt lastCpu() { return java.util.OptionalInt.empty(); }
        public void attach(Object data) {}
        public <X> X attachment(Class<X> type) { return type.cast(slot); }
        public boolean hasAttachment() { return false; }
    }
}
