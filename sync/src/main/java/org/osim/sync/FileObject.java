package org.osim.sync;

import java.util.List;
import org.osim.api.SimTime;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.Waitable;
import org.osim.api.param.Parameters;

/**
 * A Windows file object (Dhamdhere Table 6.4) used for overlapped I/O: {@code read} and {@code write}
 * start an I/O and return at once; the file is not signalled while I/O on it is under way, and becomes
 * signalled — releasing every waiter — when the last one completes.
 */
public final class FileObject implements KernelObjectFactory {
    @Override
    public String type() {
        return "file";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A Windows file object (Dhamdhere Table 6.4) for overlapped I/O: read D and write D start an I/O "
                + "taking D and return at once; the file is signalled when no I/O on it is under way, so waitfor "
                + "on it waits for the I/O to complete, and releases every waiter when it does.";
    }

    @Override
    public boolean waitable() {
        return true;
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("read", 1, 1, false, "read D: start a read taking D"),
                new OperationSpec("write", 1, 1, false, "write D: start a write taking D"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        final class Impl implements KernelObject, Waitable {
            private int pending;

            @Override
            public Outcome invoke(Invocation call) {
                long d = SimTime.parse(call.arguments().get(0));
                if (d <= 0) {
                    throw new IllegalArgumentException("an I/O must take some time, got '" + call.arguments().get(0) + "'");
                }
                pending++;
                context.count(call.operation() + "s", 1);
                context.at(context.now() + d, () -> {
                    if (--pending == 0) {
                        context.signalled();
                    }
                });
                return Outcome.done();
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return pending == 0;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                // a notification object: all waiters go
            }
        }
        return new Impl();
    }
}
