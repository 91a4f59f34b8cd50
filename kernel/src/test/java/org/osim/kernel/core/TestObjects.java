package org.osim.kernel.core;

import java.util.List;
import java.util.Optional;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.QueueOrder;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.Parameters;

/** Kernel objects for the kernel's own tests, which cannot see the sync module's plugins. */
final class TestObjects {
    private TestObjects() {}

    /**
     * {@code lock}: a mutex with {@code lock}/{@code unlock} that hands itself to its first waiter, tells the
     * kernel who holds it (for the wait-for graph), and with {@code inherit} lends its waiters' priority to the
     * holder; {@code boom} throws (a broken object), {@code bad} rejects its argument.
     */
    static KernelObjectFactory lock(boolean inherit) {
        return new KernelObjectFactory() {
            @Override
            public String type() {
                return "lock";
            }

            @Override
            public ObjectKind kind() {
                return ObjectKind.SYNC;
            }

            @Override
            public String description() {
                return "a test mutex";
            }

            @Override
            public List<OperationSpec> operations() {
                return List.of(OperationSpec.of("lock", true, "take it, or wait"), OperationSpec.of("unlock", false, "give it on"),
                        OperationSpec.of("boom", false, "throw"), OperationSpec.of("bad", false, "reject the call"));
            }

            @Override
            public KernelObject create(String name, Parameters params, ObjectContext context) {
                WaitQueue waiters = context.waitQueue("waiters", QueueOrder.FIFO);
                if (inherit) {
                    context.inheritPriority();
                }
                return new KernelObject() {
                    private ThreadRef owner;

                    @Override
                    public Outcome invoke(Invocation call) {
                        switch (call.operation()) {
                            case "lock" -> {
                                if (owner == null) {
                                    owner = call.caller();
                                    context.acquired(owner);
                                    return Outcome.done();
                                }
                                return Outcome.block(waiters);
                            }
                            case "unlock" -> {
                                context.released(owner);
                                owner = context.wakeOne(waiters, 0).orElse(null);
                                if (owner != null) {
                                    context.acquired(owner);
                                }
                                return Outcome.done();
                            }
                            case "boom" -> throw new IllegalStateException("boom");
                            default -> throw new IllegalArgumentException("bad argument");
                        }
                    }

                    @Override
                    public Optional<String> brokenInvariant() {
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
