package org.osim.importers.ostep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.OsimException;

/**
 * A homework script's command line as Python's optparse reads it: {@code -x VALUE}, {@code -xVALUE}, {@code --name
 * VALUE}, {@code --name=VALUE}, long names shortened to any unique prefix, flags without a value; the last of a
 * repeated option wins. Errors name the script, as the script's own do.
 */
final class OptparseFlags {
    private final String script;
    private final Map<String, String> shortNames = new LinkedHashMap<>();
    /** The option as written, for errors: {@code -s} or {@code --seed}. */
    private final Map<String, String> written = new HashMap<>();
    private final Map<String, Boolean> takesValue = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();

    /** @param options each option as {@code "-s seed"} (takes a value) or {@code "-c compute!"} (a flag, ending in !) */
    OptparseFlags(String script, List<String> options, List<String> args) {
        this.script = script;
        for (String o : options) {
            String[] parts = o.split(" ");
            boolean flag = parts[1].endsWith("!");
            String name = flag ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            shortNames.put(parts[0], name);
            takesValue.put(name, !flag);
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            String flag = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 2) {
                flag = a.substring(0, 2);
                value = a.substring(2);
            }
            String name = name(flag);
            if (!takesValue.get(name)) {
                if (value != null) {
                    throw bad(flag + " takes no value, got '" + a + "'");
                }
                values.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw bad(flag + " option requires an argument");
                }
                value = args.get(++i);
            }
            values.put(name, value);
            written.put(name, flag);
        }
    }

    OsimException bad(String message) {
        return OsimException.badInput(script + ": " + message);
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    long integer(String name, long otherwise) {
        String v = values.get(name);
        return v == null ? otherwise : OptparseNumbers.integer(v, script, written.get(name));
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    boolean given(String name) {
        return values.containsKey(name);
    }

    private String name(String flag) {
        if (shortNames.containsKey(flag)) {
            return shortNames.get(flag);
        }
        if (flag.startsWith("--") && flag.length() > 2) {
            String prefix = flag.substring(2);
            if (takesValue.containsKey(prefix)) {
                return prefix;
            }
            List<String> matches = new ArrayList<>();
            for (String l : takesValue.keySet()) {
                if (l.startsWith(prefix)) {
                    matches.add(l);
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw bad("ambiguous option " + flag + " (" + String.join(", ", matches) + ")");
            }
        }
        throw bad("no such option: " + flag + " (" + script + " takes " + String.join(", ", shortNames.keySet()) + ")");
    }
}
