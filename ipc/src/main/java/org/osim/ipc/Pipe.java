package org.osim.ipc;

import java.util.ArrayDeque;
import java.util.List;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * A UNIX pipe (Tanenbaum §1.5.3, §2.3.8): a byte stream with a capacity. A reader blocks while it is empty,
 * a writer while it is full; a write no larger than the capacity goes in whole or not at all (POSIX's
 * PIPE_BUF rule), a larger one in pieces as room appears. When the last write end closes, readers get
 * end of file (0 bytes); writing with no read end left is a broken pipe.
 */
public final class Pipe implements KernelObjectFactory {
    /** What a blocked writer wakes with when the last read end closes (Linux's EPIPE). */
    static final long BROKEN = -32;

    static final ParameterSpec<Long> CAPACITY = ParameterSpec.integer("capacity", 4096, 1, Long.MAX_VALUE / 4,
            "how many bytes it holds (4,096 in Version 7 UNIX; 65,536 in Linux)");
    static final ParameterSpec<Long> WRITERS = ParameterSpec.integer("writers", 1, 0, 1_000_000, "open write ends at the start");
    static final ParameterSpec<Long> READERS = ParameterSpec.integer("readers", 1, 0, 1_000_000, "open read ends at the start");

    @Override
    public String type() {
        return "pipe";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.IPC;
    }

    @Override
    public String description() {
        return "A UNIX pipe (Tanenbaum §1.5.3): a byte stream of capacity bytes. write N puts N bytes in, waiting "
                + "while it is full (a write of at most capacity bytes goes in whole, a longer one in pieces); read N "
                + "takes up to N bytes (r0 says how many), waiting while it is empty. close write and close read "
                + "close one end: when the last write end is closed, a read of an empty pipe returns 0 (end of file); "
                + "writing when no read end is open is a broken pipe, which ends the writer (SIGPIPE).";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CAPACITY, WRITERS, READERS);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("write", 1, 1, true, "write N: put N bytes in, waiting for room; r0 = N"),
                new OperationSpec("read", 1, 1, true, "read N: take up to N bytes, waiting while it is empty; r0 = bytes read, 0 at end of file"),
                new OperationSpec("close", 1, 1, false, "close write | close read: close one write or read end"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long capacity = params.get(CAPACITY);
        WaitQueue readersQueue = context.conditionQueue(name + ".readers");
        WaitQueue writersQueue = context.conditionQueue(name + ".writers");
        final class Impl implements KernelObject {
            /** A blocked write: who, how many bytes in all, and how many are still to go in. */
            final class Write {
                final ThreadRef writer;
                final long size;
                long left;

                Write(ThreadRef writer, long size) {
                    this.writer = writer;
                    this.size = size;
                    this.left = size;
                }
            }

            /** A blocked read: who, and at most how many bytes it takes. */
            record Read(ThreadRef reader, long max) {}

            private long bytes;

            @Override
            public java.util.Map<String, Long> levels() {
                return java.util.Map.of("bytes", bytes);
            }
            private long writers = params.get(WRITERS);
            private long readers = params.get(READERS);
            private final ArrayDeque<Write> writes = new ArrayDeque<>();
            private final ArrayDeque<Read> reads = new ArrayDeque<>();

            @Override
            public Outcome invoke(Invocation call) {
                return switch (call.operation()) {
                    case "write" -> write(call.caller(), positive(call.longArgument(0)));
                    case "read" -> read(call.caller(), positive(call.longArgument(0)));
                    case "close" -> close(call.arguments().get(0));
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                };
            }

            private long positive(long n) {
                if (n < 1) {
                    throw new IllegalArgumentException("a byte count must be at least 1, got " + n);
                }
                return n;
            }

            private Outcome write(ThreadRef writer, long n) {
                if (readers == 0) {
                    return Outcome.fail("broken pipe: " + writer.name() + " writes with no read end open (SIGPIPE)");
                }
                context.count("bytes written", n);
                Write w = new Write(writer, n);
                if (writes.isEmpty() && fits(w)) {
                    move(w);
                    serveReaders();
                    if (w.left == 0) {
                        return Outcome.done(n);
                    }
                }
                writes.add(w);
                context.count("writers blocked", 1);
                return Outcome.block(writersQueue);
            }

            /** Whether some of {@code w} may go in now: all of it if it is small enough to be atomic, else any room. */
            private boolean fits(Write w) {
                long room = capacity - bytes;
                return w.size <= capacity && w.left == w.size ? room >= w.left : room > 0;
            }

            private void move(Write w) {
                long k = Math.min(w.left, capacity - bytes);
                bytes += k;
                w.left -= k;
                context.countMax("most buffered", bytes);
            }

            private Outcome read(ThreadRef reader, long max) {
                if (bytes > 0) {
                    long k = Math.min(max, bytes);
                    bytes -= k;
                    context.count("bytes read", k);
                    serveWriters();
                    return Outcome.done(k);
                }
                if (writers == 0) {
                    context.count("end of file", 1);
                    return Outcome.done(0);
                }
                reads.add(new Read(reader, max));
                context.count("readers blocked", 1);
                return Outcome.block(readersQueue);
            }

            /** Bytes came in: blocked readers take them, oldest first. */
            private void serveReaders() {
                while (bytes > 0 && !reads.isEmpty()) {
                    Read r = reads.poll();
                    long k = Math.min(r.max(), bytes);
                    bytes -= k;
                    context.count("bytes read", k);
                    context.wake(readersQueue, r.reader(), k);
                }
            }

            /** Room came free: blocked writes go on, oldest first, and those done wake. */
            private void serveWriters() {
                while (!writes.isEmpty() && fits(writes.peek())) {
                    Write w = writes.peek();
                    move(w);
                    if (w.left == 0) {
                        writes.poll();
                        context.wake(writersQueue, w.writer, w.size);
                    }
                    serveReaders();
                }
            }

            private Outcome close(String end) {
                switch (end) {
                    case "write" -> {
                        if (writers == 0) {
                            throw new IllegalArgumentException("no write end is open");
                        }
                        if (--writers == 0) { // end of file for whoever waits
                            while (!reads.isEmpty()) {
                                context.count("end of file", 1);
                                context.wake(readersQueue, reads.poll().reader(), 0);
                            }
                        }
                    }
                    case "read" -> {
                        if (readers == 0) {
                            throw new IllegalArgumentException("no read end is open");
                        }
                        if (--readers == 0) { // nobody will ever make room
                            while (!writes.isEmpty()) {
                                context.wake(writersQueue, writes.poll().writer, BROKEN);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("close write or close read, got close " + end);
                }
                return Outcome.done();
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue queue) {
                writes.removeIf(w -> w.writer == thread);
                reads.removeIf(r -> r.reader() == thread);
            }

            @Override
            public void threadExited(ThreadRef thread) {
                timedOut(thread, null);
            }
        }
        return new Impl();
    }
}
