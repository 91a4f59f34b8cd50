package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.SourceLocation;

/** A JSON workload's nodes stand where Jackson's own parser says each token starts. */
class YamlTreeTest {
    private static final String JSON = """
            {"name": "j", "machine": {"cpus": 2},
              "processes": [
                {"name": "a", "bursts": ["cpu 5ms", "io disk 2ms"], "priority": -1},
                {"name": "b",
                   "bursts": [ "cpu 1ms" ], "tickets": 3, "user": null}
              ],
              "flag": true, "ratio": 0.5}
            """;

    @Test
    void everyNodeAndKeyOfAJsonFileIsPlacedAsTheTokenizerPlacesIt() throws IOException {
        List<String> expected = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(JSON)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    continue;
                }
                JsonLocation l = p.currentTokenLocation();
                expected.add((t == JsonToken.FIELD_NAME ? "key " + p.currentName() : "node") + " " + l.getLineNr() + ":" + l.getColumnNr());
            }
        }
        List<String> actual = new ArrayList<>();
        walk(YamlTree.parse("w.json", JSON), actual);
        assertThat(actual).hasSize(32).isEqualTo(expected);
    }

    private static void walk(Node n, List<String> out) {
        out.add("node " + place(n.at()));
        if (n instanceof Node.Mapping m) {
            for (Node.Field f : m.fields().values()) {
                out.add("key " + f.key() + " " + place(f.keyAt()));
                walk(f.value(), out);
            }
        } else if (n instanceof Node.Sequence s) {
            for (Node item : s.items()) {
                walk(item, out);
            }
        }
    }

    private static String place(SourceLocation at) {
        return at.line() + ":" + at.column();
    }
}
