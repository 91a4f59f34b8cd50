package org.osim.workloads;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osim.api.OsimException;
import org.osim.api.SimTime;

/**
 * The small readers of the workload format: a node of the expected kind, a required or optional field, a
 * name, a duration or a whole number; each error names the place in the file and what was expected.
 */
final class Nodes {
    private Nodes() {}

    static java.util.Optional<Node> optional(Node.Mapping m, String key) {
        Node.Field f = m.fields().get(key);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.value());
    }

    static Node require(Node.Mapping m, String key, String what) {
        Node.Field f = m.fields().get(key);
        if (f == null) {
            throw OsimException.badInput(m.at(), "a " + what + " needs '" + key + "'");
        }
        return f.value();
    }

    static void allow(Node.Mapping m, Set<String> keys, String what) {
        for (Node.Field f : m.fields().values()) {
            if (!keys.contains(f.key())) {
                if (f.key().endsWith(")")) {
                    throw OsimException.badInput(f.keyAt(), "'" + f.key() + "' looks like the end of a distribution cut at its "
                            + "comma: inside { … } write it in quotes, e.g. cpu: \"uniform(1ms,5ms)\"");
                }
                throw OsimException.badInput(f.keyAt(), "unknown field '" + f.key() + "' in " + what
                        + "; expected one of: " + String.join(", ", keys));
            }
        }
    }

    static Node.Mapping mapping(Node n, String expected) {
        if (n instanceof Node.Mapping m) {
            return m;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    static Node.Sequence sequence(Node n, String expected) {
        if (n instanceof Node.Sequence s) {
            return s;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    static Node.Scalar scalar(Node n, String expected) {
        if (n instanceof Node.Scalar s && !s.isNull()) {
            return s;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    static String name(Node n, String what) {
        String v = scalar(n, "a " + what).text();
        if (!NAME.matcher(v).matches()) {
            throw OsimException.badInput(n.at(), "expected a " + what + " (a letter, then letters, digits, _ or -), got '" + v + "'");
        }
        return v;
    }

    static long duration(Node n, boolean positive) {
        Node.Scalar s = scalar(n, "a duration such as 4ms");
        long v;
        try {
            v = SimTime.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(s.at(), e.getMessage());
        }
        if (positive && v == 0) {
            throw OsimException.badInput(s.at(), "expected a duration greater than zero, got '" + s.text() + "'");
        }
        return v;
    }

    static long integer(Node n, long min, long max, String expected) {
        Node.Scalar s = scalar(n, expected);
        long v;
        try {
            v = Long.parseLong(s.text().strip());
        } catch (NumberFormatException e) {
            throw OsimException.badInput(s.at(), "expected " + expected + ", got '" + s.text() + "'");
        }
        if (v < min || v > max) {
            throw OsimException.badInput(s.at(), "expected " + expected + ", got " + v);
        }
        return v;
    }

    static boolean flag(Node n) {
        String v = scalar(n, "true or false").text().strip();
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw OsimException.badInput(n.at(), "expected true or false, got '" + v + "'");
    }

    static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    static String known(String what, Set<String> names) {
        return names.isEmpty() ? " (it declares no " + what + ")" : " (" + what + ": " + String.join(", ", names) + ")";
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
}
