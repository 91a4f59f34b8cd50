package org.osim.schedulers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;
import org.osim.api.workload.UserSpec;

/**
 * Fair-share scheduling (Tanenbaum §2.4.3): the CPU is divided among users, not processes, in proportion
 * to their shares, whatever the number of processes each runs. With two equal users, user 1 running A, B,
 * C, D and user 2 running E, the order is A E B E C E D E …; with user 1 entitled to twice user 2's CPU it
 * is A B E C D E ….
 */
public final class FairShare implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms", "time slice of a process");

    @Override
    public String name() {
        return "fair-share";
    }

    @Override
    public String description() {
        return "Fair-share scheduling (Tanenbaum §2.4.3): the CPU is shared among users in proportion to their "
                + "shares (the workload's 'users: { alice: 2, bob: 1 }'; undeclared users have share 1), "
                + "whatever the number of processes each runs. Users take turns in declaration order; in its "
                + "turn a user gets share x quantum of CPU, given to its ready processes round robin. With "
                + "equal shares and user 1 running A B C D, user 2 running E: A E B E C E D E.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final Map<String, FifoRunQueue> queues = new LinkedHashMap<>();
            private final Map<String, Integer> shares = new LinkedHashMap<>();
            private final List<String> order = new ArrayList<>();
            /** Whose turn it is, and how much CPU is left of it. */
            private int turn = -1;
            private long turnLeft;

            {
                for (UserSpec u : context.users()) {
                    user(u.name());
                    shares.put(u.name(), u.share());
                }
            }

            private void user(String name) {
                if (!queues.containsKey(name)) {
                    queues.put(name, new FifoRunQueue());
                    shares.putIfAbsent(name, 1);
                    order.add(name);
                }
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                user(task.user());
                queues.get(task.user()).add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                if (turn >= 0 && turnLeft > 0) {
                    Task t = queues.get(order.get(turn)).poll(cpu);
                    if (t != null) {
                        return t;
                    }
                }
                for (int i = 1; i <= order.size(); i++) {
                    int u = (Math.max(turn, -1) + i) % order.size();
                    Task t = queues.get(order.get(u)).poll(cpu);
                    if (t != null) {
                        turn = u;
                        turnLeft = shares.get(order.get(u)) * quantum;
                        return t;
                    }
                }
                return null;
            }

            @Override
            public void dequeue(Task task) {
                queues.get(task.user()).remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return Math.max(1, Math.min(quantum, turnLeft));
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                if (turn >= 0 && order.get(turn).equals(task.user())) {
                    turnLeft -= Math.max(ranNanos, 1);
                }
            }
        };
    }
}
