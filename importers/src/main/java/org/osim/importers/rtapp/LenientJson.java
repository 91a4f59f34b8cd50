package org.osim.importers.rtapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;

/**
 * JSON as rt-app's json-c reads it in its lenient mode: {@code //} and {@code /* *}{@code /} comments and trailing
 * commas allowed, and an object's members kept in document order with repeated keys kept as separate members (what
 * rt-app's workgen makes of them), each value with the line and column where it starts.
 */
final class LenientJson {
    /** A value: an {@link Obj}, a {@code List<Value>} (array), a String, a Long or Double, a Boolean or null. */
    record Value(Object v, SourceLocation at) {
        Optional<Obj> object() {
            return v instanceof Obj o ? Optional.of(o) : Optional.empty();
        }

        String kind() {
            return v == null ? "null" : v instanceof Obj ? "an object" : v instanceof List ? "an array"
                    : v instanceof String ? "a string" : v instanceof Boolean ? "a boolean" : "a number";
        }
    }

    /** One member of an object. */
    record Member(String key, Value value, SourceLocation keyAt) {}

    /** An object: its members in document order. */
    record Obj(List<Member> members) {
        Optional<Value> get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return Optional.of(m.value());
                }
            }
            return Optional.empty();
        }
    }

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private LenientJson(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static Value parse(String file, String text) {
        LenientJson p = new LenientJson(file, text);
        p.skip();
        Value v = p.value();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("expected the end of the file after the top-level value");
        }
        return v;
    }

    private SourceLocation here() {
        return new SourceLocation(file, line, pos - lineStart + 1);
    }

    private OsimException error(String message) {
        return OsimException.badInput(here(), "malformed JSON: " + message);
    }

    private void skip() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("a comment /* is not closed");
                }
                while (pos < end + 2) {
                    if (text.charAt(pos++) == '\n') {
                        line++;
                        lineStart = pos;
                    }
                }
            } else {
                return;
            }
        }
    }

    private Value value() {
        SourceLocation at = here();
        if (pos >= text.length()) {
            throw error("expected a value, found the end of the file");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            List<Member> members = new ArrayList<>();
            while (true) {
                skip();
                if (peek('}')) {
                    pos++;
                    return new Value(new Obj(members), at);
                }
                SourceLocation keyAt = here();
                if (!peek('"')) {
                    throw error("expected a member name in double quotes or '}'");
                }
                String key = string();
                skip();
                expect(':');
                skip();
                members.add(new Member(key, value(), keyAt));
                skip();
                if (peek(',')) {
                    pos++;
                } else if (!peek('}')) {
                    throw error("expected ',' or '}'");
                }
            }
        }
        if (c == '[') {
            pos++;
            List<Value> items = new ArrayList<>();
            while (true) {
                skip();
                if (peek(']')) {
                    pos++;
                    return new Value(items, at);
                }
                items.add(value());
                skip();
                if (peek(',')) {
                    pos++;
                } else if (!peek(']')) {
                    throw error("expected ',' or ']'");
                }
            }
        }
        if (c == '"') {
            return new Value(string(), at);
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return new Value(word.equals("null") ? null : Boolean.valueOf(word), at);
            }
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        try {
            return n.matches("-?[0-9]{1,18}") ? new Value(Long.parseLong(n), at) : new Value(Double.parseDouble(n), at);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a value (an object, array, string, number, true, false or null)");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() {
        pos++; // the opening quote
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw error("a string is not closed on its line");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(pos, Math.min(pos + 4, text.length())), 16));
                        pos += 4;
                    }
                    default -> s.append(e);
                }
            } else {
                s.append(c);
            }
        }
    }
}
