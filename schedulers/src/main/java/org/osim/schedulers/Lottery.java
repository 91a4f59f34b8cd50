package org.osim.schedulers;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Lottery scheduling (Waldspurger and Weihl, 1994; Tanenbaum §2.4.3): at each scheduling decision a
 * ticket is drawn at random from the ready processes' tickets, and its holder runs for a quantum; a
 * process holding a fraction f of the tickets gets about f of the CPU.
 */
public final class Lottery implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms", "how long the winner runs");
    static final ParameterSpec<String> VARIANT = ParameterSpec.choice("variant", "osim", List.of("osim", "ostep"),
            "osim: draws from the run's seeded stream among the ready tasks; ostep: exactly OSTEP's lottery.py, with its own "
                    + "draws (scriptSeed, scriptDraws) and whole quanta");
    static final ParameterSpec<Long> SCRIPT_SEED = ParameterSpec.integer("scriptSeed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
            "variant=ostep: the script's -s seed");
    static final ParameterSpec<Long> SCRIPT_DRAWS = ParameterSpec.integer("scriptDraws", 0, 0, 1_000_000_000,
            "variant=ostep: the draws the script made before its first decision (generating its jobs)");

    @Override
    public String name() {
        return "lottery";
    }

    @Override
    public String description() {
        return "Lottery scheduling (Waldspurger and Weihl, OSDI 1994; Tanenbaum §2.4.3): each process holds "
                + "tickets (the workload's 'tickets'); at every decision one ticket is drawn from the ready "
                + "processes' tickets with the policy's seeded random stream, and its holder runs one quantum. "
                + "Shares are proportional to tickets on average. Tickets lent by threads blocked waiting for a "
                + "process count as its own (--ticket-transfer), as of when it became ready. Draws use a tree of "
                + "ticket sums: logarithmic in the number of ready processes.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM, VARIANT, SCRIPT_SEED, SCRIPT_DRAWS);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        if (params.get(VARIANT).equals("ostep")) {
            return new LotteryOstepVariant(context, quantum, params.get(SCRIPT_SEED), params.get(SCRIPT_DRAWS));
        }
        SplittableRandom random = context.random();
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final TicketTree ready = new TicketTree();

            @Override
            public void taskNew(Task task) {
                task.attach(new TicketTree.Slot());
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                ready.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                if (ready.size() == 0) {
                    return null;
                }
                Task winner = ready.total() == 0 ? ready.first() : ready.holder(random.nextLong(ready.total()));
                if (!winner.allowedOn(cpu.id())) {
                    winner = drawAmongAllowed(cpu.id());
                    if (winner == null) {
                        return null;
                    }
                }
                ready.remove(winner);
                return winner;
            }

            /** The winner drawn from the tickets of the tasks this CPU may run, when affinity excluded the first. */
            private Task drawAmongAllowed(int cpu) {
                List<Task> allowed = ready.tasks().stream().filter(t -> t.allowedOn(cpu)).toList();
                long total = allowed.stream().mapToLong(Task::tickets).sum();
                if (allowed.isEmpty()) {
                    return null;
                }
                if (total == 0) {
                    return allowed.get(0);
                }
                long k = random.nextLong(total);
                for (Task t : allowed) {
                    k -= t.tickets();
                    if (k < 0) {
                        return t;
                    }
                }
                throw new IllegalStateException("no winner among " + total + " tickets");
            }

            @Override
            public void dequeue(Task task) {
                ready.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }
        };
    }
}
