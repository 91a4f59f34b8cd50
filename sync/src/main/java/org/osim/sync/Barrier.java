package org.osim.sync;

import java.util.List;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/** A barrier (Tanenbaum §2.3.10, Fig. 2-37): threads that reach it wait until all {@code parties} have. */
public final class Barrier implements KernelObjectFactory {
    static final ParameterSpec<Long> PARTIES = ParameterSpec.integer("parties", 2, 1, 1_000_000, "how many must arrive before all go on");

    @Override
    public String type() {
        return "barrier";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A barrier (Tanenbaum §2.3.10, Fig. 2-37): a thread that calls wait blocks until 'parties' threads "
                + "have called it; the last one's arrival releases them all, and the barrier is ready for the next "
                + "phase. For computations in phases, where no one may start phase n+1 before all finish phase n.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(PARTIES);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("wait", true, "arrive, and wait for the others"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long parties = params.get(PARTIES);
        WaitQueue arrived = context.conditionQueue(name + ".arrived");
        return new KernelObject() {
            private long phase;

            @Override
            public java.util.Map<String, Long> levels() {
                return java.util.Map.of("phase", phase);
            }

            @Override
            public Outcome invoke(Invocation call) {
                if (arrived.size() + 1 >= parties) {
                    context.wakeAll(arrived, phase);
                    return Outcome.done(phase++);
                }
                return Outcome.block(arrived);
            }
        };
    }
}
