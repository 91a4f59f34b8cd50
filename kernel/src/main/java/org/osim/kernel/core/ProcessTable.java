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
    private final Map<String, ProcessControlBlock> byName = new HashMap<>();
    private final List<ThreadControlBlock> threads = new ArrayList<>();

    ProcessControlBlock add(ProcessControlBlock p) {
        if (byName.putIfAbsent(p.name, p) != null) {
            throw new IllegalStateException("a process named '" + p.name + "' exists already");
        }
        processes.add(p);
        return p;
    }

    ThreadControlBlock add(ThreadControlBlock t) {
        threads.add(t);
        t.process.threads.add(t);
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
            byName.clear();
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
        return Optional.ofNullable(byName.get(name));
    }
}
