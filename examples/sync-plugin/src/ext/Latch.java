package ext;

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

/**
 * A countdown latch: threads that await it sleep until count_down has been called {@code count} times,
 * then all go, and later awaits return at once. A complete kernel-object plugin in one file: compile it
 * against osim-api alone, add one services line, and drop the jar into osim's plugins folder (build.sh).
 */
public final class Latch implements KernelObjectFactory {
    static final ParameterSpec<Long> COUNT = ParameterSpec.integer("count", 1, 0, Long.MAX_VALUE, "count_downs before it opens");

    @Override
    public String type() {
        return "latch";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A countdown latch: await sleeps until count_down has been called 'count' times. An example plugin.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(COUNT);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("await", true, "sleep until the latch opens"),
                OperationSpec.of("count_down", false, "one step closer to opening it"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        WaitQueue waiting = context.conditionQueue(name + ".waiting"); // they wait for count_downs, not for a holder
        return new KernelObject() {
            private long count = params.get(COUNT);

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("await")) {
                    return count == 0 ? Outcome.done() : Outcome.block(waiting);
                }
                if (count > 0 && --count == 0) {
                    context.wakeAll(waiting, 0);
                }
                return Outcome.done(count);
            }
        };
    }
}
