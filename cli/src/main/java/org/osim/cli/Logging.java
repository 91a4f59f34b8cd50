package org.osim.cli;

import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The level of osim's log on standard error, set from {@code -v} and {@code --log-level} (Logback behind SLF4J). */
final class Logging {
    /** The levels, as the command line spells them. */
    enum Level { error, warn, info, debug, trace }

    private Logging() {}

    static void level(String name) {
        ((Logger) LoggerFactory.getLogger("org.osim")).setLevel(ch.qos.logback.classic.Level.toLevel(name));
    }
}
