package org.osim.hardware;

import static java.util.Objects.requireNonNull;

/**
 * The discrete-event engine: runs events in (time, rank, sequence) order on one Java thread. After the
 * last event of an instant it calls the {@link InstantListener}, so that decisions (which task a CPU runs
 * next) are taken once everything that happened at that instant is known.
 */
public final class Engine {
    private long maxEvents = Long.MAX_VALUE;
    private boolean exceeded;
    private long memoryLimit = Long.MAX_VALUE;
    private boolean outOfMemory;
    /** The next event count at which a limit is looked at: the event limit, or the next look at the heap. */
    private long nextLimitCheck = Long.MAX_VALUE;
    private long nextMemoryCheck = MEMORY_CHECK_EVERY;
    private static final long MEMORY_CHECK_EVERY = 1 << 16;
    /** Every this many events, the heartbeat (when one is watched) says how far the run has come. */
    private static final long BEAT_EVERY = 1 << 10;
    private java.util.concurrent.atomic.AtomicLong heartbeat;
    private long nextBeat = Long.MAX_VALUE;
    /** Told when all events of an instant have run, before time moves on. */
    @FunctionalInterface
    public interface InstantListener {
        void endOfInstant(long now);
    }

    private final EventQueue queue = new EventQueue();
    private InstantListener instantListener = now -> {};
    private long now;
    private long fired;
    private boolean stopped;
    private long horizon = Long.MAX_VALUE;

    public long now() {
        return now;
    }

    /** Events run so far. */
    public long eventsFired() {
        return fired;
    }

    public int pending() {
        return queue.size();
    }

    public void setInstantListener(InstantListener listener) {
        this.instantListener = requireNonNull(listener, "listener is null");
    }

    /** Events later than this are not run; the run ends at the horizon instead. */
    public void setHorizon(long horizon) {
        this.horizon = horizon;
    }

    /** Schedules (or moves) {@code e} to {@code time}, which must not be in the past. */
    public void schedule(Event e, long time) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule an event in the past: " + time + " < " + now);
        }
        queue.add(e, time);
    }

    /** A one-off event that runs {@code action} at {@code time}. */
    public Event at(long time, int rank, Runnable action) {
        Event e = Event.of(rank, action);
        schedule(e, time);
        return e;
    }

    /** How many times an event was scheduled so far: if it has not changed, nothing was scheduled in between. */
    public long schedulings() {
        return queue.schedulings();
    }

    /**
     * Schedules {@code e} at {@code time} in the place {@code order} (the {@link Event#order()} of an event that was
     * due then), not behind the events scheduled since: {@code e} stands in for work that event left undone.
     */
    public void scheduleInPlace(Event e, long time, long order) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule an event in the past: " + time + " < " + now);
        }
        queue.addInPlace(e, time, order);
    }

    /** Whether an event is due at this instant before the place {@code order}. */
    public boolean dueNowBefore(long order) {
        Event next = queue.peek();
        return next != null && next.time == now && next.order < order;
    }

    /**
     * For an event that does the work of several (CPUs in lockstep): counts one more event fired at this instant, as
     * the run loop would before firing it. Returns false, counting nothing, if the loop would not fire it: the run
     * was stopped or has reached a limit.
     */
    public boolean fireAnother() {
        if (stopped || (fired >= nextLimitCheck && limitReached())) {
            return false;
        }
        fired++;
        return true;
    }

    public boolean cancel(Event e) {
        return queue.remove(e);
    }

    /** At most this many events are run; then the run stops, and {@link #exceeded()} says so. */
    public void setMaxEvents(long maxEvents) {
        this.maxEvents = maxEvents;
        planLimitCheck();
    }

    /** The run stops, and {@link #outOfMemory()} says so, once the heap holds more than {@code bytes} (checked now and then). */
    public void setMemoryLimit(long bytes) {
        this.memoryLimit = bytes;
        planLimitCheck();
    }

    /**
     * Publishes the number of events run to {@code beats} every 1,024 events, for a watcher on another thread that
     * tells a run that moves on from one stuck in a callback.
     */
    public void setHeartbeat(java.util.concurrent.atomic.AtomicLong beats) {
        this.heartbeat = java.util.Objects.requireNonNull(beats, "beats is null");
        nextBeat = fired + BEAT_EVERY;
        planLimitCheck();
    }

    /** One comparison per event on the hot path: the nearest of the event limit, the next look at the heap, the next beat. */
    private void planLimitCheck() {
        nextLimitCheck = Math.min(Math.min(maxEvents, memoryLimit < Long.MAX_VALUE ? nextMemoryCheck : Long.MAX_VALUE), nextBeat);
    }

    /** Whether the run must stop at a limit now; otherwise plans the next check. */
    private boolean limitReached() {
        if (heartbeat != null && fired >= nextBeat) {
            heartbeat.lazySet(fired); // this thread alone writes it
            nextBeat = fired + BEAT_EVERY;
        }
        if (fired >= maxEvents) {
            exceeded = true;
            return true;
        }
        if (memoryLimit < Long.MAX_VALUE && fired >= nextMemoryCheck && overMemory()) {
            outOfMemory = true;
            return true;
        }
        planLimitCheck();
        return false;
    }

    /** Whether the run stopped because it held more memory than its {@link #setMemoryLimit limit}. */
    public boolean outOfMemory() {
        return outOfMemory;
    }

    private boolean overMemory() {
        Runtime rt = Runtime.getRuntime();
        if (rt.totalMemory() - rt.freeMemory() <= memoryLimit) {
            nextMemoryCheck = fired + MEMORY_CHECK_EVERY;
            return false;
        }
        System.gc(); // what is in use may be mostly garbage: measure what is alive
        boolean over = rt.totalMemory() - rt.freeMemory() > memoryLimit;
        nextMemoryCheck = fired + 16 * MEMORY_CHECK_EVERY; // a collection is dear: not again soon
        return over;
    }

    /** Whether the run stopped at its {@link #setMaxEvents maximum number of events} with work left. */
    public boolean exceeded() {
        return exceeded;
    }

    /** Ends the run after the current event. */
    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Runs until there is nothing left to do, {@link #stop()} is called, or the horizon is reached. */
    public void run() {
        boolean instantOpen = false;
        while (!stopped) {
            Event next = queue.peek();
            if (next == null || next.time != now) {
                if (instantOpen) {
                    instantOpen = false;
                    instantListener.endOfInstant(now);
                    continue; // the listener may have scheduled more events at this instant
                }
                if (next == null) {
                    break;
                }
                if (next.time > horizon) {
                    now = horizon;
                    break;
                }
            }
            if (fired >= nextLimitCheck && limitReached()) {
                break;
            }
            queue.take();
            now = next.time;
            fired++;
            instantOpen = true;
            next.fire();
        }
    }
}
