package org.osim.api.program;

/** A program text that does not parse; {@link #line()} and {@link #column()} are counted from 1 within that text. */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public final class ProgramSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String problem;

    public ProgramSyntaxException(int line, int column, String problem) {
        super(line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
