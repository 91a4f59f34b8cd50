package org.osim.workloads;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;

/**
 * Reads YAML (and so JSON, a subset) into {@link Node}s with positions, using Jackson's streaming parser.
 * Duplicate keys are errors.
 */
final class YamlTree {
    /** SnakeYAML stops at 3 MB by default; real traces are larger, and their size is bounded by --max-memory instead. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(unlimited()).build();

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }
    private final String file;
    private final SourceText source;
    private final JsonParser parser;

    private YamlTree(String file, String text) throws IOException {
        this.file = file;
        this.source = new SourceText(text);
        this.parser = FACTORY.createParser(new StringReader(text));
    }

    /** Parses {@code text}, naming {@code file} in errors. */
    static Node parse(String file, String text) {
        try {
            YamlTree tree = new YamlTree(file, text);
            JsonToken first = tree.parser.nextToken();
            if (first == null) {
                throw OsimException.badInput(new SourceLocation(file, 1, 1), "the file is empty; expected a workload mapping");
            }
            return tree.value();
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            SourceLocation at = new SourceLocation(file, l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr()));
            throw OsimException.badInput(at, "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw OsimException.badInput(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private SourceLocation here() {
        JsonLocation l = parser.currentTokenLocation();
        return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private Node value() throws IOException {
        SourceLocation at = here();
        JsonToken t = parser.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = here();
                    parser.nextToken();
                    Node v = value();
                    if (fields.put(key, new Node.Field(key, keyAt, v)) != null) {
                        throw OsimException.badInput(keyAt, "duplicate key '" + key + "'");
                    }
                }
                return new Node.Mapping(at, fields);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value());
                }
                return new Node.Sequence(at, items);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(at, "", true, false);
            }
            default -> {
                String text = parser.getText();
                return new Node.Scalar(at, text, false, isBlock(at));
            }
        }
    }

    /** Whether the scalar at {@code at} is a block scalar ({@code |} or {@code >}), whose text starts on the next line. */
    private boolean isBlock(SourceLocation at) {
        int c = source.charAt(at.line(), at.column() - 1);
        return c == '|' || c == '>';
    }
}
