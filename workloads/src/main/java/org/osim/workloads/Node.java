package org.osim.workloads;

import java.util.LinkedHashMap;
import java.util.List;
import org.osim.api.SourceLocation;

/** A YAML/JSON value that remembers where it stood in its file, so every error can say file:line:column. */
sealed interface Node {
    SourceLocation at();

    /** What kind of value this is, for "expected a list, got a mapping" messages. */
    String kind();

    record Scalar(SourceLocation at, String text, boolean isNull, boolean block) implements Node {
        @Override
        public String kind() {
            return isNull ? "nothing" : "'" + text + "'";
        }
    }

    record Sequence(SourceLocation at, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    record Mapping(SourceLocation at, LinkedHashMap<String, Field> fields) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Field(String key, SourceLocation keyAt, Node value) {}
}
