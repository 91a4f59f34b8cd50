package org.osim.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.Parameters;

/**
 * Futexes (Tanenbaum §2.3.6; Franke, Russell and Kirkwood 2002): the kernel half of a lock whose fast path
 * is an atomic instruction on a word in user memory. {@code wait W V} sleeps only if word W still holds V
 * (checked atomically with going to sleep, so a wake-up between the user's test and the call is not
 * lost); {@code wake W N} wakes up to N sleepers on W. A mutex built on it makes system calls only when
 * there is contention: the objects table counts them.
 */
public final class Futex implements KernelObjectFactory {
    @Override
    public String type() {
        return "futex";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "Futexes (Tanenbaum §2.3.6): the kernel side of locks whose fast path is an atomic instruction on a "
                + "user memory word. wait W V sleeps if word W still holds V (else returns at once), atomically "
                + "with the test; wake W N wakes up to N threads sleeping on W. One futex object serves every word. "
                + "Its operation count is the system calls the lock made: none when uncontended.";
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("wait", 2, 2, true, "wait W V: sleep on word W if it still holds V"),
                new OperationSpec("wake", 2, 2, false, "wake W N: wake up to N threads sleeping on word W"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        return new KernelObject() {
            private final Map<String, WaitQueue> sleepers = new HashMap<>();

            private WaitQueue queue(String word) {
                return sleepers.computeIfAbsent(word, w -> context.conditionQueue(name + "[" + w + "]"));
            }

            @Override
            public Outcome invoke(Invocation call) {
                String word = call.arguments().get(0);
                long n = call.longArgument(1);
                if (call.operation().equals("wait")) {
                    if (context.load(call.caller(), word) != n) {
                        context.count("waits that returned at once", 1);
                        return Outcome.done(1); // EAGAIN: the word changed, the caller must look again
                    }
                    return Outcome.block(queue(word));
                }
                long woken = 0;
                while (woken < n && context.wakeOne(queue(word), 0).isPresent()) {
                    woken++;
                }
                return Outcome.done(woken);
            }
        };
    }
}
