package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.workload.ObjectSpec;

/** A workload's {@code objects:}: the kernel objects it declares, each with its type and the type's parameters. */
final class KernelObjectDeclarations {
    private KernelObjectDeclarations() {}

    /** {@code objects: [ { name: mutex, type: semaphore, initial: 1 } ]}: the other keys are the type's parameters. */
    static List<ObjectSpec> read(Node n) {
        List<ObjectSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node item : sequence(n, "a list of kernel objects").items()) {
            Node.Mapping m = mapping(item, "a kernel object: { name, type, parameters… }");
            Node nameNode = require(m, "name", "kernel object");
            String name = name(nameNode, "object name");
            if (!names.add(name)) {
                throw OsimException.badInput(nameNode.at(), "two kernel objects are named '" + name + "'");
            }
            Node typeNode = require(m, "type", "kernel object");
            String type = scalar(typeNode, "an object type such as semaphore").text().strip();
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, SourceLocation> at = new LinkedHashMap<>();
            for (Node.Field f : m.fields().values()) {
                if (!f.key().equals("name") && !f.key().equals("type")) {
                    params.put(f.key(), scalar(f.value(), "a value for parameter " + f.key()).text().strip());
                    at.put(f.key(), f.keyAt());
                }
            }
            out.add(new ObjectSpec(name, type, params, Optional.of(typeNode.at()), at));
        }
        return out;
    }
}
