package org.osim.sync;

import java.util.List;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.Waitable;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.TimerHandle;

/**
 * A Windows waitable timer (Dhamdhere Table 6.4): a dispatcher object that becomes signalled when its
 * time comes, and again every period if it has one. Manual reset releases every waiter; auto reset (a
 * synchronization timer) one per expiry.
 */
public final class WaitableTimer implements KernelObjectFactory {
    static final ParameterSpec<Long> DUE = ParameterSpec.durationOrZero("due", "0",
            "when it first expires, from the start of the run (0: not set until a set operation)");
    static final ParameterSpec<Long> PERIOD = ParameterSpec.durationOrZero("period", "0", "expires again every period (0: once)");
    static final ParameterSpec<String> RESET = ParameterSpec.choice("reset", "manual", List.of("manual", "auto"),
            "manual: an expiry releases every waiter, and it stays signalled; auto: one waiter per expiry");

    @Override
    public String type() {
        return "waitable-timer";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A Windows waitable timer (Dhamdhere Table 6.4), waited for with waitfor: signalled when it expires "
                + "('due' from the start, or 'set D [P]' D from now), and every period P after. reset: manual releases "
                + "all waiters and stays signalled until set again or cancelled; auto releases one per expiry.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(DUE, PERIOD, RESET);
    }

    @Override
    public boolean waitable() {
        return true;
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("set", 1, 2, false, "set D [P]: expire D from now, then every P; un-signals it"),
                OperationSpec.of("cancel", false, "stop it; a signalled timer stays signalled"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        boolean auto = params.get(RESET).equals("auto");
        final class Impl implements KernelObject, Waitable {
            private boolean signalled;
            private TimerHandle timer;
            private long period;

            void arm(long at, long every) {
                if (timer != null) {
                    timer.cancel();
                }
                period = every;
                timer = context.at(at, this::expire);
            }

            private void expire() {
                context.count("expiries", 1);
                signalled = true;
                context.signalled();
                timer = period > 0 ? context.at(context.now() + period, this::expire) : null;
            }

            @Override
            public Outcome invoke(Invocation call) {
                switch (call.operation()) {
                    case "set" -> {
                        long due = org.osim.api.SimTime.parse(call.arguments().get(0));
                        long every = call.arguments().size() > 1 ? org.osim.api.SimTime.parse(call.arguments().get(1)) : 0;
                        if (due < 0 || every < 0) {
                            throw new IllegalArgumentException("a timer cannot be set to a negative time");
                        }
                        signalled = false;
                        arm(context.now() + due, every);
                    }
                    case "cancel" -> {
                        if (timer != null) {
                            timer.cancel();
                            timer = null;
                        }
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
                return Outcome.done();
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return signalled;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                if (auto) {
                    signalled = false;
                }
            }
        }
        Impl timer = new Impl();
        long due = params.get(DUE);
        if (due > 0) {
            timer.arm(due, params.get(PERIOD));
        }
        return timer;
    }
}
