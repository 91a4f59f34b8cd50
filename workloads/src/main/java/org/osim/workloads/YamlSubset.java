package org.osim.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;

/**
 * Reads the YAML most workload files are written in — block mappings and lists, one-line flow mappings and lists,
 * plain and simply quoted scalars, comments — into the same {@link Node}s, with the same positions, as
 * {@link YamlTree}, many times faster than the full parser, whose start-up alone costs more than reading a
 * 10,000-job list this way. Anything else (block scalars, multi-line values, anchors, tags, escapes, tabs,
 * documents, a malformed line) gives up, with nothing said, and the full parser reads the text instead, so
 * errors and rare forms are exactly the full parser's.
 */
final class YamlSubset {
    /** The text goes beyond the subset: the full parser must read it. Thrown without a stack trace. */
    private static final class Beyond extends RuntimeException {
        Beyond() {
            super(null, null, false, false);
        }
    }

    private static final Beyond BEYOND = new Beyond();

    private final String file;
    private final String text;
    private final String streamedKey;
    private final Consumer<Node> sink;

    // The current line: where it starts, its indentation, where its content ends (before a comment or trailing blanks).
    private int lineNo;
    private int lineStart;
    private int indent;
    private int contentEnd;
    /** Where the next line starts; past the text once all are read. */
    private int nextLine;
    private boolean atEnd;
    /** The cursor within the current line. */
    private int pos;

    private YamlSubset(String file, String text, String streamedKey, Consumer<Node> sink) {
        this.file = file;
        this.text = text;
        this.streamedKey = streamedKey;
        this.sink = sink;
    }

    /**
     * The tree of {@code text} if it is written in the subset; empty if the full parser must read it (then items may
     * already have gone to {@code sink}: its reader must start again).
     */
    static Optional<Node> parse(String file, String text, String streamedKey, Consumer<Node> sink) {
        if (text.isEmpty() || text.charAt(0) == '\uFEFF' || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        YamlSubset p = new YamlSubset(file, text, streamedKey, sink);
        try {
            p.advance();
            if (p.atEnd || p.indent != 0) {
                return Optional.empty();
            }
            Node root = p.block(0, 0);
            if (!p.atEnd || !(root instanceof Node.Mapping)) {
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Beyond e) {
            return Optional.empty();
        }
    }

    /** Moves to the next line with content, skipping blank and comment lines. */
    private void advance() {
        while (true) {
            if (nextLine > text.length() || (nextLine == text.length() && lineNo > 0)) {
                atEnd = true;
                return;
            }
            lineNo++;
            lineStart = nextLine;
            int nl = text.indexOf('\n', lineStart);
            int end = nl < 0 ? text.length() : nl;
            nextLine = end + 1;
            int i = lineStart;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i == end || text.charAt(i) == '#') {
                if (nl < 0) {
                    atEnd = true;
                    return;
                }
                continue;
            }
            indent = i - lineStart;
            pos = i;
            contentEnd = end;
            while (contentEnd > i && text.charAt(contentEnd - 1) == ' ') {
                contentEnd--;
            }
            if (text.startsWith("---", i) || text.startsWith("...", i) || text.charAt(i) == '%') {
                throw BEYOND;
            }
            return;
        }
    }

    private SourceLocation at(int offset) {
        return new SourceLocation(file, lineNo, offset - lineStart + 1);
    }

    private boolean isSequenceItem(int i) {
        return text.charAt(i) == '-' && (i + 1 == contentEnd || text.charAt(i + 1) == ' ');
    }

    /**
     * The block node whose first line is the current one, its content at column {@code column} (from the line start)
     * and {@code depth} mappings deep.
     */
    private Node block(int column, int depth) {
        int start = lineStart + column;
        if (isSequenceItem(start)) {
            return sequence(column, depth);
        }
        return mapping(column, depth);
    }

    /** A block list whose dashes stand at {@code column}. */
    private Node sequence(int column, int depth) {
        SourceLocation at = at(lineStart + column);
        List<Node> items = new ArrayList<>();
        while (!atEnd && indent == column && isSequenceItem(lineStart + column)) {
            items.add(item(column, depth));
        }
        return new Node.Sequence(at, items);
    }

    /**
     * A block scalar, {@code |} or {@code >}, with or without {@code -}, of a key at {@code column}: its lines all at one
     * indentation (a literal one may indent some further, and have empty lines). The next line with content follows.
     */
    private Node blockScalar(int column) {
        int start = pos;
        boolean literal = text.charAt(pos++) == '|';
        boolean strip = pos < contentEnd && text.charAt(pos) == '-';
        if (strip) {
            pos++;
        }
        endOfLine(); // a comment may follow the header; an indentation or keep indicator may not
        SourceLocation at = at(start);
        StringBuilder out = new StringBuilder();
        int blockIndent = -1;
        int pendingEmpty = 0;
        int lines = lineNo;
        int i = nextLine;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            int spaces = 0;
            while (i + spaces < end && text.charAt(i + spaces) == ' ') {
                spaces++;
            }
            if (i + spaces == end) { // an empty line
                if (spaces > Math.max(blockIndent, column)) {
                    throw BEYOND; // spaces that may be content
                }
                pendingEmpty++;
            } else {
                if (blockIndent < 0) {
                    if (spaces <= column) {
                        throw BEYOND; // an empty block scalar
                    }
                    blockIndent = spaces;
                }
                if (spaces < blockIndent) {
                    break; // the next key
                }
                if (text.charAt(end - 1) == ' ' || (!literal && (spaces > blockIndent || pendingEmpty > 0))) {
                    throw BEYOND; // trailing blanks, or folding beyond joining lines
                }
                if (out.length() > 0) {
                    out.append(literal ? '\n' : ' ');
                }
                for (; pendingEmpty > 0; pendingEmpty--) {
                    out.append('\n');
                }
                out.append(text, i + blockIndent, end);
            }
            lines++;
            i = end + 1;
        }
        if (blockIndent < 0) {
            throw BEYOND;
        }
        if (!strip) {
            out.append('\n');
        }
        // Go on from the first line that is not the scalar's (the empty lines after it are skipped as any are).
        int consumed = lines - lineNo - pendingEmpty;
        for (int k = 0; k < consumed; k++) {
            int nl = text.indexOf('\n', nextLine);
            nextLine = nl < 0 ? text.length() + 1 : nl + 1;
        }
        lineNo += consumed;
        advance();
        if (!atEnd && indent > column) {
            throw BEYOND;
        }
        return new Node.Scalar(at, out.toString(), false, true);
    }

    /** Adds a field; a key seen before in the mapping is the full parser's error, word for word. */
    private static void put(LinkedHashMap<String, Node.Field> fields, String key, SourceLocation keyAt, Node value) {
        if (fields.put(key, new Node.Field(key, keyAt, value)) != null) {
            throw OsimException.badInput(keyAt, "duplicate key '" + key + "'");
        }
    }

    /** A block list whose items go to the sink as each is read; what stays in the tree is an empty list. */
    private Node streamed(int column) {
        SourceLocation at = at(lineStart + column);
        while (!atEnd && indent == column && isSequenceItem(lineStart + column)) {
            sink.accept(item(column, 1));
        }
        return new Node.Sequence(at, List.of());
    }

    /** The item of the block list at {@code column} that starts on the current line; the lines after it come next. */
    private Node item(int column, int depth) {
        int i = lineStart + column + 1;
        while (i < contentEnd && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= contentEnd || isComment(i) || isSequenceItem(i)) {
            throw BEYOND; // an empty item, its value on the next lines, or a list in a list
        }
        if (startsMapping(i)) {
            return mapping(i - lineStart, depth);
        }
        pos = i;
        Node item = inline();
        endOfLine();
        advance();
        if (!atEnd && indent > column) {
            throw BEYOND; // a value continued on the next line
        }
        return item;
    }

    /** Whether what starts at {@code i} is a mapping's first key: a plain key followed by ": " or by ":" at the end. */
    private boolean startsMapping(int i) {
        char c = text.charAt(i);
        if (c == '{' || c == '[' || c == '"' || c == '\'') {
            return false;
        }
        for (int j = i; j < contentEnd; j++) {
            char d = text.charAt(j);
            if (d == ':' && (j + 1 == contentEnd || text.charAt(j + 1) == ' ')) {
                return true;
            }
            if (d == '#' && text.charAt(j - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    /** A block mapping whose keys stand at {@code column}; the current line holds its first key there. */
    private Node mapping(int column, int depth) {
        SourceLocation at = at(lineStart + column);
        LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
        for (boolean first = true; !atEnd && (first || indent == column); first = false) {
            int k = lineStart + column; // on the first line, the key may follow a list's dash
            if (isSequenceItem(k)) {
                break; // a list at the indentation of the key that holds it ends this mapping
            }
            pos = k;
            String key = plain(false);
            SourceLocation keyAt = at(k);
            if (pos >= contentEnd || text.charAt(pos) != ':') {
                throw BEYOND;
            }
            pos++;
            skipBlanks();
            Node value;
            if (pos >= contentEnd || isComment(pos)) {
                advance();
                if (atEnd || indent < column || (indent == column && !isSequenceItem(lineStart + indent))) {
                    throw BEYOND; // an empty value: the full parser says where it is
                }
                if (depth == 0 && key.equals(streamedKey) && sink != null && isSequenceItem(lineStart + indent)) {
                    value = streamed(indent);
                } else {
                    value = block(indent, depth + 1);
                }
            } else if (text.charAt(pos) == '|' || text.charAt(pos) == '>') {
                value = blockScalar(column);
            } else {
                boolean streaming = depth == 0 && key.equals(streamedKey) && sink != null && text.charAt(pos) == '[';
                value = streaming ? streamedFlow() : inline();
                endOfLine();
                advance();
                if (!atEnd && indent > column) {
                    throw BEYOND; // a value continued on the next line
                }
            }
            put(fields, key, keyAt, value);
        }
        return new Node.Mapping(at, fields);
    }

    /** A one-line flow list whose items go to the sink. */
    private Node streamedFlow() {
        SourceLocation at = at(pos);
        flowItems(sink);
        return new Node.Sequence(at, List.of());
    }

    /** The items of the one-line flow list that starts here, at its {@code [}, each to {@code each}. */
    private void flowItems(Consumer<Node> each) {
        pos++; // [
        if (closesEmpty(']')) {
            return;
        }
        do {
            each.accept(flowValue());
        } while (!closes(']'));
    }

    /** After an opening bracket or brace: whether {@code close} follows at once (and is passed). */
    private boolean closesEmpty(char close) {
        skipBlanks();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After an item: whether {@code close} ends the collection; a comma means another item follows. */
    private boolean closes(char close) {
        skipBlanks();
        char c = peek();
        pos++;
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw BEYOND;
        }
        skipBlanks();
        return false;
    }

    /** A value that stands on the rest of the line: a flow collection, a quoted or a plain scalar. */
    private Node inline() {
        char c = text.charAt(pos);
        if (c == '{' || c == '[') {
            return flowValue();
        }
        if (c == '"' || c == '\'') {
            return quoted();
        }
        int start = pos;
        String s = plain(true);
        return scalar(start, s);
    }

    private Node scalar(int start, String s) {
        if (s.equals("~") || s.equals("null") || s.equals("Null") || s.equals("NULL")) {
            return new Node.Scalar(at(start), "", true, false);
        }
        return new Node.Scalar(at(start), s, false, false);
    }

    /** A flow mapping, flow list or scalar inside a flow collection, all on this line. */
    private Node flowValue() {
        skipBlanks();
        char c = peek();
        int start = pos;
        if (c == '{') {
            pos++;
            LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
            if (!closesEmpty('}')) {
                do {
                    int k = pos;
                    String key = flowPlain();
                    SourceLocation keyAt = at(k);
                    if (peek() != ':') {
                        throw BEYOND;
                    }
                    pos++;
                    if (peek() != ' ') {
                        throw BEYOND;
                    }
                    skipBlanks();
                    Node v = flowValue();
                    put(fields, key, keyAt, v);
                } while (!closes('}'));
            }
            return new Node.Mapping(at(start), fields);
        }
        if (c == '[') {
            List<Node> items = new ArrayList<>();
            flowItems(items::add);
            return new Node.Sequence(at(start), items);
        }
        if (c == '"' || c == '\'') {
            return quoted();
        }
        String s = flowPlain();
        return scalar(start, s);
    }

    /** A plain scalar inside a flow collection: up to a comma, a bracket, a brace or a colon. */
    private String flowPlain() {
        int start = pos;
        if (start >= contentEnd || !plainStart(start)) {
            throw BEYOND;
        }
        int end = start;
        while (pos < contentEnd) {
            char c = text.charAt(pos);
            if (c == ',' || c == ']' || c == '}' || c == ':') {
                break;
            }
            if (c == '#' || c == '"' || c == '\'' || c == '[' || c == '{' || c < ' ') {
                throw BEYOND;
            }
            pos++;
            if (c != ' ') {
                end = pos;
            }
        }
        if (pos >= contentEnd) {
            throw BEYOND; // the collection goes on on the next line
        }
        return text.substring(start, end);
    }

    /**
     * A plain scalar in block context: a key ({@code value} false: up to ": "), or a value (up to the end of the
     * line or a comment).
     */
    private String plain(boolean value) {
        int start = pos;
        if (start >= contentEnd || !plainStart(start)) {
            throw BEYOND;
        }
        int end = start;
        while (pos < contentEnd) {
            char c = text.charAt(pos);
            if (c == ':' && (pos + 1 == contentEnd || text.charAt(pos + 1) == ' ')) {
                if (value) {
                    throw BEYOND; // "a: b: c"
                }
                break;
            }
            if (c == '#' && text.charAt(pos - 1) == ' ') {
                break; // a comment
            }
            if (c < ' ' || (!value && (c == '{' || c == '[' || c == ',' || c == '"' || c == '\''))) {
                throw BEYOND;
            }
            pos++;
            if (c != ' ') {
                end = pos;
            }
        }
        pos = end;
        return text.substring(start, end);
    }

    /** Whether a plain scalar may start with {@code c} (and mean what the full parser would read it as). */
    private boolean plainStart(int i) {
        char c = text.charAt(i);
        if (c == '-') { // not a list's dash
            return i + 1 < contentEnd && text.charAt(i + 1) != ' ';
        }
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '(' || c == '$' || c == '+' || c == '~';
    }

    /** A quoted scalar on one line, without escapes (a backslash in double quotes, a doubled single quote). */
    private Node quoted() {
        int start = pos;
        char q = text.charAt(pos++);
        int close = text.indexOf(q, pos);
        if (close < 0 || close >= contentEnd) {
            throw BEYOND;
        }
        String s = text.substring(pos, close);
        if ((q == '"' && s.indexOf('\\') >= 0) || (q == '\'' && close + 1 < contentEnd && text.charAt(close + 1) == '\'')) {
            throw BEYOND;
        }
        pos = close + 1;
        return new Node.Scalar(at(start), s, false, false);
    }

    private boolean isComment(int i) {
        return text.charAt(i) == '#' && (i == lineStart || text.charAt(i - 1) == ' ');
    }

    /** Only blanks and a comment may follow a value on its line. */
    private void endOfLine() {
        skipBlanks();
        if (pos < contentEnd && !isComment(pos)) {
            throw BEYOND;
        }
    }

    private void skipBlanks() {
        while (pos < contentEnd && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private char peek() {
        if (pos >= contentEnd) {
            throw BEYOND;
        }
        return text.charAt(pos);
    }
}
