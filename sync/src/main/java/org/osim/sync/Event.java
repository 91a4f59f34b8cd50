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

/**
 * A Windows event (Dhamdhere §6.11.5, Table 6.4), a dispatcher object that threads wait for with
 * {@code waitfor}. A notification event ({@code reset: manual}) stays signalled once set, so it
 * releases every waiter, until it is reset; a synchronization event ({@code reset: auto}) releases
 * one waiter and resets itself.
 */
public final class Event implements KernelObjectFactory {
    static final ParameterSpec<String> RESET = ParameterSpec.choice("reset", "manual", List.of("manual", "auto"),
            "manual: a notification event, which releases all waiters; auto: a synchronization event, which releases one");
    static final ParameterSpec<Boolean> SIGNALLED = ParameterSpec.bool("signalled", false, "whether it starts signalled");

    @Override
    public String type() {
        return "event";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A Windows event (Dhamdhere Table 6.4), waited for with waitfor. set signals it; reset un-signals it; "
                + "pulse releases whoever waits now and resets it. reset: manual — a notification event: once set it "
                + "releases every waiter and stays signalled until reset; auto — a synchronization event: set "
                + "releases one waiter, and the event resets itself as it does.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(RESET, SIGNALLED);
    }

    @Override
    public boolean waitable() {
        return true;
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("set", false, "signal it: releases all waiters (manual) or one (auto)"),
                OperationSpec.of("reset", false, "un-signal it"),
                OperationSpec.of("pulse", false, "release the waiters there are now (all, or one), then un-signal it"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        boolean auto = params.get(RESET).equals("auto");
        final class Impl implements KernelObject, Waitable {
            private boolean signalled = params.get(SIGNALLED);

            @Override
            public Outcome invoke(Invocation call) {
                switch (call.operation()) {
                    case "set" -> {
                        signalled = true;
                        context.signalled();
                    }
                    case "reset" -> signalled = false;
                    case "pulse" -> {
                        signalled = true;
                        context.signalled();
                        signalled = false;
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
                return Outcome.done(signalled ? 1 : 0);
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return signalled;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                if (auto) {
                    signalled = false; // a synchronization event lets one through
                }
            }
        }
        return new Impl();
    }
}
