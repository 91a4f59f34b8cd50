package org.osim.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osim.api.trace.TraceEvent;

/**
 * Each thread's states over a run, from its trace events: {@code running} (on a CPU), {@code ready} (and why),
 * {@code blocked on} what, and {@code stopped} (off its CPU, its next state not yet known), handed on as intervals when
 * each ends. A user-level thread runs while its kernel thread does and it is the one switched to; the one it replaces
 * is ready at user level. Processes are known by their creation, threads by the process name they extend with a dot.
 */
final class ThreadStates {
    /** Receives each state when it ends: {@code args} are name-value pairs ({@code cpu 0}, {@code reason wakeup}). */
    interface Sink {
        void interval(String task, String state, String[] args, long start, long end) throws IOException;
    }

    private static final String[] NONE = {};

    private final Sink sink;
    private final Map<String, State> states = new HashMap<>();
    /** Each process's threads, in the order they first appeared. */
    private final Map<String, List<String>> threadsOf = new LinkedHashMap<>();
    /** Per CPU: the kernel thread on it (null when none) and the user-level thread running under it. */
    private final Map<Integer, String[]> onCpu = new HashMap<>();
    /** Per kernel thread, the user-level thread it was running when it left its CPU: it goes on with it. */
    private final Map<String, String> carried = new HashMap<>();

    private static final class State {
        String state = "";
        String[] args = NONE;
        long since;
        boolean open;
    }

    ThreadStates(Sink sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Follows {@code event}; events that change no thread's state are passed over. */
    void on(TraceEvent event) throws IOException {
        long t = event.time();
        if (event instanceof TraceEvent.ProcessCreated e) {
            threadsOf.putIfAbsent(e.process(), new ArrayList<>());
        } else if (event instanceof TraceEvent.Enqueued e) {
            move(e.task(), t, "ready", "reason", words(e.reason().name()));
        } else if (event instanceof TraceEvent.Dispatched e) {
            String[] c = onCpu.computeIfAbsent(e.cpu(), k -> new String[2]);
            String cpu = String.valueOf(e.cpu());
            if (c[0] == null) {
                c[0] = e.task();
                String user = carried.remove(e.task());
                if (user != null && isReady(user)) { // the kernel thread goes on with the user-level thread it left with
                    c[1] = user;
                    move(user, t, "running", "cpu", cpu);
                }
            } else {
                if (c[1] != null && !c[1].equals(e.task()) && isRunning(c[1])) {
                    move(c[1], t, "ready", "reason", "user-level switch");
                }
                c[1] = e.task();
            }
            move(e.task(), t, "running", "cpu", cpu);
        } else if (event instanceof TraceEvent.Stopped e) {
            String[] c = onCpu.computeIfAbsent(e.cpu(), k -> new String[2]);
            if (c[1] != null && isRunning(c[1])) {
                move(c[1], t, "ready", "reason", "kernel thread stopped");
                carried.put(c[0], c[1]);
            }
            c[0] = null;
            c[1] = null;
            if (isRunning(e.task())) {
                move(e.task(), t, "stopped", "reason", words(e.reason().name()));
            }
        } else if (event instanceof TraceEvent.Blocked e) {
            move(e.task(), t, "blocked on " + e.on(), "on", e.on());
        } else if (event instanceof TraceEvent.ThreadExited e) {
            close(e.thread(), t);
        } else if (event instanceof TraceEvent.ProcessExited e) {
            for (String thread : threadsOf.getOrDefault(e.process(), List.of())) {
                close(thread, t);
            }
        }
    }

    /** Whether {@code task} is running now. */
    boolean isRunning(String task) {
        State s = states.get(task);
        return s != null && s.open && s.state.equals("running");
    }

    private boolean isReady(String task) {
        State s = states.get(task);
        return s != null && s.open && s.state.equals("ready");
    }

    /** The kernel thread on {@code cpu} now, or null. */
    String kernelThreadOn(int cpu) {
        String[] c = onCpu.get(cpu);
        return c == null ? null : c[0];
    }

    /** The run ended at {@code end}: every state still open ends there, threads in the order they appeared. */
    void finish(long end) throws IOException {
        for (List<String> threads : threadsOf.values()) {
            for (String thread : threads) {
                close(thread, end);
            }
        }
    }

    /** The process {@code task} belongs to: the task itself, or the longest process name it extends with a dot. */
    String processOf(String task) {
        String p = task;
        while (!threadsOf.containsKey(p)) {
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return task;
            }
            p = p.substring(0, dot);
        }
        return p;
    }

    private void move(String task, long t, String state, String... args) throws IOException {
        State s = states.get(task);
        if (s == null) {
            s = new State();
            states.put(task, s);
            threadsOf.computeIfAbsent(processOf(task), k -> new ArrayList<>()).add(task);
        }
        end(task, s, t);
        s.state = state;
        s.args = args;
        s.since = t;
        s.open = true;
    }

    private void close(String task, long t) throws IOException {
        State s = states.get(task);
        if (s != null) {
            end(task, s, t);
        }
    }

    private void end(String task, State s, long t) throws IOException {
        if (s.open) {
            s.open = false;
            // A block that lasts no time still happened (the wait was satisfied at once); other empty states did not.
            if (t > s.since || s.state.startsWith("blocked")) {
                sink.interval(task, s.state, s.args, s.since, t);
            }
        }
    }

    static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
