package org.osim.hardware;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;

/**
 * A device such as a disk or a terminal: one request is served at a time, the others wait first-come
 * first-served. Each request carries its own service time.
 */
public final class Device {
    /** One pending or running I/O request; {@link #cancel()} drops it if not yet started. */
    public static final class Request {
        private final long serviceNanos;
        private final Runnable onDone;
        private boolean cancelled;

        private Request(long serviceNanos, Runnable onDone) {
            this.serviceNanos = serviceNanos;
            this.onDone = onDone;
        }

        public void cancel() {
            cancelled = true;
        }
    }

    private final String name;
    private final Engine engine;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Event completion;
    private Request inService;
    private long requests;
    private long busyNanos;
    private int maxQueue;

    public Device(String name, Engine engine) {
        this.name = requireNonNull(name, "name is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.completion = new Event(EventRank.WAKEUP) {
            @Override
            protected void fire() {
                finish();
            }
        };
    }

    public String name() {
        return name;
    }

    /** Queues a request; {@code onDone} runs when its service ends (not if it was cancelled). */
    public Request submit(long serviceNanos, Runnable onDone) {
        Request r = new Request(serviceNanos, requireNonNull(onDone, "onDone is null"));
        requests++;
        queue.addLast(r);
        maxQueue = Math.max(maxQueue, queue.size());
        if (inService == null) {
            startNext();
        }
        return r;
    }

    private void startNext() {
        Request r;
        do {
            r = queue.pollFirst();
        } while (r != null && r.cancelled);
        inService = r;
        if (r != null) {
            busyNanos += r.serviceNanos;
            engine.schedule(completion, engine.now() + r.serviceNanos);
        }
    }

    private void finish() {
        Request done = inService;
        inService = null;
        startNext();
        if (!done.cancelled) {
            done.onDone.run();
        }
    }

    public long requests() {
        return requests;
    }

    public long busyNanos() {
        return busyNanos;
    }

    public int maxQueueLength() {
        return maxQueue;
    }

    /** Requests waiting, not counting the one in service. */
    public int queueLength() {
        return queue.size();
    }
}
