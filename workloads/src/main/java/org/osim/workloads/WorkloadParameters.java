package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.workload.WorkloadParameter;

/**
 * A workload's {@code parameters:} and the {@code $name}s of its text: each declared with a default, set
 * from the command line or a sweep, and substituted before the workload is read.
 */
final class WorkloadParameters {
    private WorkloadParameters() {}

    /** The parameters the workload {@code root} declares, with the values {@code settings} give them. */
    static List<WorkloadParameter> parameters(String file, Node root, Map<String, String> settings) {
        Map<String, WorkloadParameter> declared = new LinkedHashMap<>();
        if (root instanceof Node.Mapping m && m.fields().containsKey("parameters")) {
            Node.Mapping block = mapping(m.fields().get("parameters").value(),
                    "a mapping of parameter names to defaults, e.g. { items: 20, size: { default: 4, help: the buffer size } }");
            for (Node.Field f : block.fields().values()) {
                if (!f.key().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw OsimException.badInput(f.keyAt(), "expected a parameter name (a letter, then letters, digits or _), got '"
                            + f.key() + "'");
                }
                String value;
                String help = "";
                if (f.value() instanceof Node.Mapping pm) {
                    allow(pm, Set.of("default", "help"), "parameter");
                    value = scalar(require(pm, "default", "parameter"), "a default value").text().strip();
                    help = optional(pm, "help").map(h -> scalar(h, "a line of help").text().strip()).orElse("");
                } else {
                    value = scalar(f.value(), "a default value, or { default, help }").text().strip();
                }
                checkValue(value, f.value().at(), "");
                declared.put(f.key(), new WorkloadParameter(f.key(), value, value, help));
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) { // sorted: the same error first
            WorkloadParameter p = declared.get(e.getKey());
            if (p == null) {
                throw OsimException.badInput(file + ": the workload has no parameter '" + e.getKey() + "'"
                        + known("parameters", declared.keySet()));
            }
            checkValue(e.getValue(), null, "parameter " + e.getKey() + ": ");
            declared.put(p.name(), new WorkloadParameter(p.name(), p.defaultValue(), e.getValue(), p.help()));
        }
        return List.copyOf(declared.values());
    }

    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:+-]+");

    static final Pattern REFERENCE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A value is one plain token (a number, a duration, a name), so that it cannot change the YAML around it. */
    static void checkValue(String value, SourceLocation at, String what) {
        if (!VALUE.matcher(value).matches()) {
            String message = what + "expected a parameter value: a number, a duration or a name (letters, digits, _ . : + -), got '" + value + "'";
            throw at == null ? OsimException.badInput(message) : OsimException.badInput(at, message);
        }
    }

    /** {@code text} with each {@code $name} replaced by the parameter's value; an undeclared one is an error where it is. */
    static String substitute(String file, String text, List<WorkloadParameter> parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.value()));
        java.util.regex.Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                throw OsimException.badInput(new SourceLocation(file, line, m.start() - lineStart + 1),
                        "no parameter '" + m.group(1) + "'" + known("parameters", values.keySet()));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
