package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.Task;
import org.osim.api.workload.UserSpec;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;

/** What the kernel's policy and the run-time systems' policies are told alike: time, their random stream, the workload, and metrics. */
abstract class PolicyContext implements SchedulerContext {
    private final Engine engine;
    private final SplittableRandom random;
    private final Workload workload;
    private final List<UserSpec> users;

    PolicyContext(Engine engine, SplittableRandom random, Workload workload, List<UserSpec> users) {
        this.engine = engine;
        this.random = random;
        this.workload = workload;
        this.users = users;
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public List<UserSpec> users() {
        return users;
    }

    @Override
    public void report(Task task, String metric, double value) {
        figure(task, metric, value, false);
    }

    @Override
    public void reportTime(Task task, String metric, long nanos) {
        figure(task, metric, nanos, true);
    }

    private void figure(Task task, String metric, double value, boolean time) {
        requireNonNull(metric, "metric is null");
        if (!(task instanceof ThreadControlBlock t) || t.engine != engine) {
            throw new IllegalArgumentException("not a task of this simulation: " + task);
        }
        if (t.policyFigures == null) {
            t.policyFigures = new PolicyFigures();
        }
        t.policyFigures.put(metric, value, time);
    }
}
