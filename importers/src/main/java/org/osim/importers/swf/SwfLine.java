package org.osim.importers.swf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;

/** One line of an SWF file: a header comment ({@code ; Label: value}) or the 18 numeric fields of a job. */
final class SwfLine {
    static final int FIELDS = 18;
    private static final String[] NAMES = {"job number", "submit time", "wait time", "run time", "allocated processors",
        "average CPU time", "used memory", "requested processors", "requested time", "requested memory", "status",
        "user", "group", "executable", "queue", "partition", "preceding job", "think time"};

    private SwfLine() {}

    /** The index of the first character that is not a space or a tab, or -1 for a blank line. */
    static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Adds a {@code ; Label: value} line to {@code header} (labels may repeat: Note, Queue); other comments are skipped. */
    static void header(String line, int semicolon, Map<String, List<String>> header) {
        String body = line.substring(semicolon + 1).strip();
        int colon = body.indexOf(':');
        if (colon > 0 && body.substring(0, colon).matches("[A-Za-z]+")) {
            header.computeIfAbsent(body.substring(0, colon), k -> new ArrayList<>(1)).add(body.substring(colon + 1).strip());
        }
    }

    /** Reads the 18 fields of a job line into {@code out}; a missing, extra or non-numeric field is an error at its place. */
    static void parse(String line, SourceLocation where, double[] out) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (true) {
            while (i < len && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            while (i < len && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (n == FIELDS) {
                throw OsimException.badInput(where.shifted(0, start + 1), "a job line has " + FIELDS
                        + " fields; this one has more, from '" + line.substring(start, i) + "'");
            }
            out[n] = number(line, start, i, where, n);
            n++;
        }
        if (n < FIELDS) {
            throw OsimException.badInput(where.shifted(0, len + 1), "a job line has " + FIELDS + " fields; this one has " + n
                    + ", so field " + (n + 1) + " (" + NAMES[n] + ") is missing");
        }
    }

    /** The column (1-based) where field {@code index} (0-based) of {@code line} starts. */
    static int column(String line, int index) {
        int i = 0;
        int n = -1;
        boolean inField = false;
        for (; i < line.length(); i++) {
            boolean blank = line.charAt(i) == ' ' || line.charAt(i) == '\t';
            if (!blank && !inField && ++n == index) {
                return i + 1;
            }
            inField = !blank;
        }
        return 1;
    }

    private static double number(String line, int start, int end, SourceLocation where, int field) {
        // Integers (nearly every field) without a detour through a String; decimals the slow way.
        long v = 0;
        boolean negative = line.charAt(start) == '-';
        int i = negative ? start + 1 : start;
        boolean integer = i < end && end - i <= 15;
        for (int k = i; integer && k < end; k++) {
            char c = line.charAt(k);
            if (c < '0' || c > '9') {
                integer = false;
            } else {
                v = v * 10 + (c - '0');
            }
        }
        if (integer) {
            return negative ? -v : v;
        }
        String text = line.substring(start, end);
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d) && !text.matches(".*[a-zA-Z].*")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw OsimException.badInput(where.shifted(0, start + 1), "field " + (field + 1) + " (" + NAMES[field]
                + "): expected a number (-1 when unknown), got '" + text + "'");
    }
}
