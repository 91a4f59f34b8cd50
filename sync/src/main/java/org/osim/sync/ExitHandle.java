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
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;

/**
 * Windows process and thread objects (Dhamdhere Table 6.4): a handle to a process or thread, signalled
 * when it terminates, which releases every waiter — {@code waitfor} on it is how one waits for a process
 * or thread to end.
 */
public final class ExitHandle implements KernelObjectFactory {
    private final boolean process;
    private final ParameterSpec<String> target;

    /** The process object. */
    public ExitHandle() {
        this(true);
    }

    private ExitHandle(boolean process) {
        this.process = process;
        this.target = process
                ? new ParameterSpec<>("process", ParameterType.text(), "", "the process it stands for")
                : new ParameterSpec<>("thread", ParameterType.text(), "", "the thread it stands for, as PROCESS.THREAD");
    }

    /** The thread object: the same, for a thread. */
    public static final class ThreadHandle extends FactoryVariant {
        public ThreadHandle() {
            super(new ExitHandle(false));
        }
    }

    @Override
    public String type() {
        return process ? "process-handle" : "thread-handle";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        String what = process ? "process" : "thread";
        return "A Windows " + what + " object (Dhamdhere Table 6.4): a handle to the " + what + " named by '" + what
                + "', signalled when it terminates, releasing every waiter. waitfor on it waits for the " + what
                + " to end; waitfor all on several, for all of them.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(target);
    }

    @Override
    public boolean waitable() {
        return true;
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of();
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        String who = params.get(target);
        if (who.isEmpty()) {
            throw new IllegalArgumentException("give the " + target.name() + " it stands for, e.g. " + target.name() + ": A");
        }
        final class Impl implements KernelObject, Waitable {
            private boolean ended;

            void end() {
                ended = true;
                context.signalled();
            }

            @Override
            public Outcome invoke(Invocation call) {
                throw new IllegalArgumentException("no operation " + call.operation());
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return ended;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                // a notification object: it stays signalled
            }
        }
        Impl handle = new Impl();
        if (process) {
            context.onProcessExit(who, handle::end);
        } else {
            context.onThreadExit(who, handle::end);
        }
        return handle;
    }
}
