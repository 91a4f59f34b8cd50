package org.osim.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;

/**
 * What a picture of a run draws, collected as the run goes: each slice of the schedule with why it ended, and each
 * thread's states. It keeps at most {@link #MAX_BARS} of each, the first ones, and says when it dropped any, so that a
 * long run's report stays a page a browser opens.
 */
final class Timeline implements TraceListener {
    /** The most slices, and the most thread states, a picture draws. */
    static final int MAX_BARS = 50_000;

    /** One slice: {@code task} ran on {@code cpu} from {@code start} to {@code end}; {@code why} it stopped. */
    record Bar(int cpu, String task, long start, long end, String why) {}

    /** One state of a thread, from {@code start} to {@code end}. */
    record State(String task, String state, long start, long end) {}

    private long droppedBars;
    private long droppedStates;
    private int cpus;
    private final List<Bar> bars = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    /** Each thread, in the order it first appeared, with the process it belongs to. */
    private final Map<String, String> threads = new LinkedHashMap<>();
    /** Per CPU, the index of its last bar, whose reason a Stopped event right after it gives. */
    private final Map<Integer, Integer> lastBar = new HashMap<>();
    private final ThreadStates machine = new ThreadStates((task, state, args, start, end) -> {
        if (states.size() < MAX_BARS) {
            states.add(new State(task, state, start, end));
        } else {
            droppedStates++;
        }
    });

    @Override
    public boolean timeline() {
        return true;
    }

    @Override
    public void on(TraceEvent event) {
        try {
            machine.on(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sink above writes nowhere
        }
        if (event instanceof TraceEvent.Slice s) {
            cpus = Math.max(cpus, s.cpu() + 1);
            threads.putIfAbsent(s.task(), machine.processOf(s.task()));
            if (bars.size() < MAX_BARS) {
                lastBar.put(s.cpu(), bars.size());
                bars.add(new Bar(s.cpu(), s.task(), s.start(), s.time(), ""));
            } else {
                droppedBars++;
            }
        } else if (event instanceof TraceEvent.Stopped s) {
            Integer i = lastBar.remove(s.cpu());
            if (i != null && bars.get(i).end() == s.time()) {
                Bar b = bars.get(i);
                bars.set(i, new Bar(b.cpu(), b.task(), b.start(), b.end(), ThreadStates.words(s.reason().name())));
            }
        } else if (event instanceof TraceEvent.Dispatched d) {
            Integer i = lastBar.remove(d.cpu());
            if (i != null && bars.get(i).end() == d.time() && bars.get(i).why().isEmpty()) {
                Bar b = bars.get(i);
                bars.set(i, new Bar(b.cpu(), b.task(), b.start(), b.end(), "user-level switch to " + d.task()));
            }
            threads.putIfAbsent(d.task(), machine.processOf(d.task()));
        } else if (event instanceof TraceEvent.Enqueued e) {
            threads.putIfAbsent(e.task(), machine.processOf(e.task()));
        }
    }

    /** The run ended at {@code end}: states still open end there; a slice still open was cut by the run's end. */
    void finish(long end) {
        try {
            machine.finish(end);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Integer i : lastBar.values()) {
            Bar b = bars.get(i);
            if (b.end() == end && b.why().isEmpty()) {
                bars.set(i, new Bar(b.cpu(), b.task(), b.start(), b.end(), "the run ended"));
            }
        }
        lastBar.clear();
    }

    List<Bar> bars() {
        return bars;
    }

    List<State> states() {
        return states;
    }

    /** Every thread that ran or was ready, with its process, in the order it first appeared. */
    Map<String, String> threads() {
        return threads;
    }

    int cpus() {
        return cpus;
    }

    /** Slices left out because there were more than {@link #MAX_BARS}. */
    long droppedBars() {
        return droppedBars;
    }

    long droppedStates() {
        return droppedStates;
    }
}
