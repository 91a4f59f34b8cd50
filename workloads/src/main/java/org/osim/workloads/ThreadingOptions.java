package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osim.api.OsimException;
import org.osim.api.workload.ThreadModel;
import org.osim.api.workload.ThreadingSpec;

/** How a process's threads are implemented (its thread model, kernel threads, run-time scheduler) and where it may run. */
final class ThreadingOptions {
    private ThreadingOptions() {}

    /** {@code threadModel}, {@code kernelThreads} and {@code runtimeScheduler} of a process. */
    static ThreadingSpec threading(Node.Mapping m) {
        ThreadModel model = optional(m, "threadModel").map(v -> {
            String text = scalar(v, "a thread model").text().strip();
            return switch (text) {
                case "kernel" -> ThreadModel.KERNEL;
                case "user" -> ThreadModel.USER;
                case "hybrid" -> ThreadModel.HYBRID;
                case "activations" -> ThreadModel.ACTIVATIONS;
                default -> throw OsimException.badInput(v.at(), "unknown thread model '" + text
                        + "' (expected kernel, user, hybrid or activations)");
            };
        }).orElse(ThreadModel.KERNEL);
        Optional<Node> k = optional(m, "kernelThreads");
        if (k.isPresent() && model != ThreadModel.HYBRID && model != ThreadModel.ACTIVATIONS) {
            throw OsimException.badInput(m.fields().get("kernelThreads").keyAt(),
                    "'kernelThreads' is for threadModel hybrid (kernel threads) or activations (virtual processors)");
        }
        int kernelThreads = k.map(v -> (int) integer(v, 1, 1024, "a number of kernel threads from 1 to 1,024")).orElse(1);
        String runtime = "fcfs";
        java.util.Map<String, String> params = java.util.Map.of();
        Optional<Node> rs = optional(m, "runtimeScheduler");
        if (rs.isPresent()) {
            if (model == ThreadModel.KERNEL) {
                throw OsimException.badInput(m.fields().get("runtimeScheduler").keyAt(),
                        "'runtimeScheduler' is for user-level thread models (user, hybrid, activations): the kernel schedules kernel threads");
            }
            String spec = scalar(rs.get(), "a scheduler such as fcfs or rr:quantum=5ms").text().strip();
            int colon = spec.indexOf(':');
            runtime = colon < 0 ? spec : spec.substring(0, colon);
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            if (colon >= 0) {
                for (String kv : spec.substring(colon + 1).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw OsimException.badInput(rs.get().at(), "expected NAME:K=V,K=V, got '" + spec + "'");
                    }
                    p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
            }
            params = p;
        }
        return new ThreadingSpec(model, kernelThreads, runtime, params);
    }

    /** {@code affinity: [0, 2]}: the CPUs a process may run on. */
    static List<Integer> affinity(Node n) {
        List<Integer> out = new ArrayList<>();
        for (Node item : sequence(n, "a list of CPU numbers, e.g. [0, 2]").items()) {
            int cpu = (int) integer(item, 0, 1023, "a CPU number from 0");
            if (out.contains(cpu)) {
                throw OsimException.badInput(item.at(), "cpu " + cpu + " is listed twice");
            }
            out.add(cpu);
        }
        if (out.isEmpty()) {
            throw OsimException.badInput(n.at(), "an empty affinity lets the process run nowhere; leave it out to allow every CPU");
        }
        return out;
    }
}
