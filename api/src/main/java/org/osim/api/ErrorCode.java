package org.osim.api;

/** What kind of failure an {@link OsimException} reports; each maps to one exit code of the command line. */
@Api(Api.Status.STABLE)
public enum ErrorCode {
    /** A file, option or parameter is wrong; the message says what and where. Exit code 2. */
    BAD_INPUT(2),
    /** A plugin broke its contract or threw; the message names the plugin. Exit code 3. */
    PLUGIN_FAILURE(3),
    /** Anything else. Exit code 1. */
    INTERNAL(1);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
