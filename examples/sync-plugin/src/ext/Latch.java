package ext;

import java.util.List;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectPlugin;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/** A countdown latch: await sleeps until count_down has been called 'count' times; then all go, and later awaits return at once. */
public final class Latch extends KernelObjectPlugin {
    static final ParameterSpec<Long> COUNT = ParameterSpec.integer("count", 1, 0, Long.MAX_VALUE, "count_downs before it opens");

    public Latch() {
        super("latch", ObjectKind.SYNC, "A countdown latch: await sleeps until count_down has been called 'count' times. An example plugin.",
                List.of(OperationSpec.of("await", true, "sleep until the latch opens"),
                        OperationSpec.of("count_down", false, "one step closer to opening it")), COUNT);
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        var waiting = context.conditionQueue(name + ".waiting"); // they wait for count_downs, not for a holder
        long[] count = {params.get(COUNT)};
        return call -> {
            if (call.operation().equals("await")) {
                return count[0] == 0 ? Outcome.done() : Outcome.block(waiting);
            }
            if (count[0] > 0 && --count[0] == 0) {
                context.wakeAll(waiting, 0);
            }
            return Outcome.done(count[0]);
        };
    }
}
