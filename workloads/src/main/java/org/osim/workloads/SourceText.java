package org.osim.workloads;

/**
 * A file's text with the start of each line found once, so that what stands at a line and column is looked
 * up in constant time however long the file is (a trace of a million jobs has a million lines).
 */
final class SourceText {
    private final String text;
    /** Where each line starts in {@link #text}; one more entry, past the end, closes the last line. */
    private final int[] starts;

    SourceText(String text) {
        this.text = text;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        starts = new int[n + 1];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[n] = text.length() + 1; // as if the text ended with a newline
    }

    int lines() {
        return starts.length - 1;
    }

    /** The character at {@code column} (from 0) of line {@code line} (from 1), or -1 if there is none. */
    int charAt(int line, int column) {
        if (line < 1 || line > lines() || column < 0) {
            return -1;
        }
        int i = starts[line - 1] + column;
        return i < starts[line] - 1 ? text.charAt(i) : -1;
    }

    /** How many spaces line {@code line} (from 1) starts with; 0 for a line that does not exist. */
    int indent(int line) {
        int c = 0;
        while (charAt(line, c) == ' ') {
            c++;
        }
        return c;
    }
}
