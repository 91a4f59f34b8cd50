package org.osim.api.program;

import java.util.Locale;
import java.util.Optional;

/**
 * The UNIX signals osim knows (Tanenbaum §1.5.1, §2.1.4): their numbers and what happens to a process
 * that neither catches nor ignores them. SIGKILL can be neither caught, ignored nor blocked.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public enum Signal {
    SIGHUP(1, true), SIGINT(2, true), SIGQUIT(3, true), SIGKILL(9, true), SIGUSR1(10, true), SIGUSR2(12, true),
    SIGALRM(14, true), SIGTERM(15, true), SIGCHLD(17, false);

    private final int number;
    private final boolean terminates;

    Signal(int number, boolean terminates) {
        this.number = number;
        this.terminates = terminates;
    }

    public int number() {
        return number;
    }

    /** The default action: end the process (true), or ignore the signal (SIGCHLD). */
    public boolean terminatesByDefault() {
        return terminates;
    }

    /** Whether a program may catch, ignore or block it: all but SIGKILL. */
    public boolean catchable() {
        return this != SIGKILL;
    }

    /** {@code SIGUSR1}, {@code USR1} or {@code usr1}. */
    public static Optional<Signal> parse(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (Signal s : values()) {
            if (s.name().equals(n) || s.name().equals("SIG" + n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
