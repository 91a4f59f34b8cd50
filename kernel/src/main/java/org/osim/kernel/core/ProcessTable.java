package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The process table and the thread table, in creation order; pids and tids count from 1. */
public final class ProcessTable {
    private final List<ProcessControlBlock> processes = new ArrayList<>();
    /**
     * Processes by name, made on the first look-up by name (a signal or a kill that names its target): a million
     * processes that nobody names need no index. Names are distinct: a workload's are ({@code Workload} checks), and a
     * child's name extends its parent's with a count.
     */
    private Map<String, ProcessControlBlock> byName;
    private final List<ThreadControlBlock> threads = new ArrayList<>();

    ProcessControlBlock add(ProcessControlBlock p) {
        if (byName != null && byName.putIfAbsent(p.name, p) != null) {
            throw new IllegalStateException("a process named '" + p.name + "' exists already");
        }
        processes.add(p);
        return p;
    }

    ThreadControlBlock add(ThreadControlBlock t) {
        threads.add(t);
        List<ThreadControlBlock> of = t.process.threads;
        if (of.isEmpty()) {
            t.process.threads = List.of(t);
        } else {
            if (!(of instanceof ArrayList)) {
                of = new ArrayList<>(of);
                t.process.threads = of;
            }
            of.add(t);
        }
        return t;
    }

    int nextPid() {
        return processes.size() + 1;
    }

    int nextTid() {
        return threads.size() + 1;
    }

    public List<ProcessControlBlock> processes() {
        return Collections.unmodifiableList(processes);
    }

    public List<ThreadControlBlock> threads() {
        return Collections.unmodifiableList(threads);
    }

    /**
     * For the results, once the run is over: process {@code i} (from 0), then its entry is forgotten, so that
     * the tables of a million processes and their results are not held at once. The names and the thread
     * table go with the first; each process's entry reaches its threads.
     */
    ProcessControlBlock release(int i) {
        if (i == 0) {
            byName = null;
            threads.clear();
        }
        ProcessControlBlock p = processes.get(i);
        processes.set(i, null);
        return p;
    }

    int size() {
        return processes.size();
    }

    public Optional<ProcessControlBlock> process(String name) {
        if (byName == null) {
            byName = new HashMap<>();
            for (ProcessControlBlock p : processes) {
                if (p != null) {
                    byName.putIfAbsent(p.name, p);
                }
            }
        }
        return Optional.ofNullable(byName.get(name));
    }
}
