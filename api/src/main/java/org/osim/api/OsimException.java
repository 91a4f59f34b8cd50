package org.osim.api;

import static java.util.Objects.requireNonNull;

/** The one exception type osim reports failures with; its {@link ErrorCode} decides the exit code. */
@Api(Api.Status.STABLE)
public class OsimException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public OsimException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public OsimException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public static OsimException badInput(String message) {
        return new OsimException(ErrorCode.BAD_INPUT, message);
    }

    public static OsimException badInput(SourceLocation where, String message) {
        return new OsimException(ErrorCode.BAD_INPUT, where + ": " + message);
    }

    public ErrorCode code() {
        return code;
    }
}
