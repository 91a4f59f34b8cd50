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
 * Windows dispatcher objects signalled from outside the programs (Dhamdhere Table 6.4), at the times the
 * workload gives: console input (signalled while typed input waits to be read; each satisfied wait
 * reads one input) and file change notifications (signalled when the file system changes; one waiter
 * per change).
 */
public final class ExternalEvents implements KernelObjectFactory {
    private final boolean console;
    private final ParameterSpec<List<Long>> at;

    /** Console input. */
    public ExternalEvents() {
        this(true);
    }

    private ExternalEvents(boolean console) {
        this.console = console;
        this.at = new ParameterSpec<>(console ? "input" : "changes", ParameterType.durations(0), List.of(),
                console ? "when input arrives, from the start: 5ms/12ms/30ms" : "when the file system changes, from the start");
    }

    /** File change notification. */
    public static final class FileChange extends FactoryVariant {
        public FileChange() {
            super(new ExternalEvents(false));
        }
    }

    @Override
    public String type() {
        return console ? "console-input" : "file-change";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return console
                ? "Windows console input (Dhamdhere Table 6.4): signalled while input typed at the times in 'input' "
                        + "waits to be read; each satisfied waitfor reads one input, so one waiter goes per input."
                : "A Windows file change notification (Dhamdhere Table 6.4): signalled when the file system changes, "
                        + "at the times in 'changes'; one waiter goes per change, and the notification resets.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(at);
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
        final class Impl implements KernelObject, Waitable {
            /** Inputs not yet read, or whether a change is unreported. */
            private long pending;

            @Override
            public Outcome invoke(Invocation call) {
                throw new IllegalArgumentException("no operation " + call.operation());
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return pending > 0;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                pending--;
            }

            void arrive() {
                context.count(console ? "inputs" : "changes", 1);
                pending = console ? pending + 1 : 1;
                context.signalled();
            }
        }
        Impl impl = new Impl();
        for (long t : params.get(at)) {
            context.at(t, impl::arrive);
        }
        return impl;
    }
}
