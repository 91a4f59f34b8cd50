package org.osim.api;

import static java.util.Objects.requireNonNull;

/** A place in an input file, printed as {@code file:line:column} (both counted from 1). */
@Api(Api.Status.STABLE)
public record SourceLocation(String file, int line, int column) {
    public SourceLocation {
        requireNonNull(file, "file is null");
    }

    /** The same file, {@code lines} lines further down, at {@code column}. */
    public SourceLocation shifted(int lines, int column) {
        return new SourceLocation(file, line + lines, column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
