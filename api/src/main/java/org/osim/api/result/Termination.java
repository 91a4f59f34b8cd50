package org.osim.api.result;

import static java.util.Objects.requireNonNull;

/**
 * How a process ended: the four ways of Tanenbaum §2.1.4.
 *
 * @param code the exit code (0 for a normal exit; the signal-like code 137 when killed, 139 on a fatal error)
 * @param detail the fault kind, or who killed it; empty otherwise
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public record Termination(Kind kind, int code, String detail) {
    /** The four ways a process ends. */
    public enum Kind {
        /** Normal exit (voluntary): its work is done. */
        NORMAL,
        /** Error exit (voluntary): it exited with a non-zero code. */
        ERROR,
        /** Fatal error (involuntary): e.g. an illegal instruction. */
        FATAL,
        /** Killed by another process (involuntary). */
        KILLED
    }

    public Termination {
        requireNonNull(kind, "kind is null");
        requireNonNull(detail, "detail is null");
    }

    public static Termination exit(int code) {
        return new Termination(code == 0 ? Kind.NORMAL : Kind.ERROR, code, "");
    }

    public static Termination fatal(String fault) {
        return new Termination(Kind.FATAL, 139, fault);
    }

    public static Termination killed(String by) {
        return new Termination(Kind.KILLED, 137, by);
    }

    /** Ended by signal {@code name} (number {@code number}) that {@code from} sent: exit code 128 + number, as a shell reports it. */
    public static Termination signalled(String name, int number, String from) {
        return new Termination(Kind.KILLED, 128 + number, name + " from " + from);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NORMAL -> "normal exit";
            case ERROR -> "error exit " + code;
            case FATAL -> "fatal error: " + detail;
            case KILLED -> "killed by " + detail;
        };
    }
}
