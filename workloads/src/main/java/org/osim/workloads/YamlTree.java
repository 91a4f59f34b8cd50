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

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /** Whether the text is a JSON document: its first character, after blanks, opens an object. */
    private static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }
    private final String file;
    private final SourceText source;
    private final JsonParser parser;

    /** The top-level key whose list items go to {@link #sink} as they are read instead of into the tree; or null. */
    private String streamedKey;
    private java.util.function.Consumer<Node> sink;
    private int depth;

    private YamlTree(String file, String text) throws IOException {
        this.file = file;
        this.source = new SourceText(text);
        // JSON is YAML too, but Jackson's own JSON parser reads it many times faster than SnakeYAML: a trace
        // converted to JSON reads at the speed of the file system.
        this.parser = isJson(text) ? JSON.createParser(new StringReader(text)) : FACTORY.createParser(new StringReader(text));
    }

    /** Parses {@code text}, naming {@code file} in errors: in the {@link YamlSubset} if it is written in it. */
    static Node parse(String file, String text) {
        return YamlSubset.parse(file, text, null, null).orElseGet(() -> parse(file, text, null, null));
    }

    /**
     * Parses {@code text}; the items of the top-level list {@code streamedKey} are handed to {@code sink} one by
     * one as they are read, and that list stays empty in the tree. So a trace of a million processes is never
     * held as a million trees at once.
     */
    static Node parse(String file, String text, String streamedKey, java.util.function.Consumer<Node> sink) {
        try {
            YamlTree tree = new YamlTree(file, text);
            tree.streamedKey = streamedKey;
            tree.sink = sink;
            JsonToken first = tree.parser.nextToken();
            if (first == null) {
                throw OsimException.badInput(new SourceLocation(file, 1, 1), "the file is empty; expected a workload mapping");
            }
            return tree.value();
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            SourceLocation at = new SourceLocation(file, l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr()));
            throw OsimException.badInput(at, "malformed " + (isJson(text) ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage()));
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
                depth++;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = here();
                    parser.nextToken();
                    Node v = depth == 1 && key.equals(streamedKey) && parser.currentToken() == JsonToken.START_ARRAY
                            ? streamed() : value();
                    if (fields.put(key, new Node.Field(key, keyAt, v)) != null) {
                        throw OsimException.badInput(keyAt, "duplicate key '" + key + "'");
                    }
                }
                depth--;
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

    /** A list whose items go to the sink as each is read; what stays in the tree is an empty list at its place. */
    private Node streamed() throws IOException {
        SourceLocation at = here();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sink.accept(value());
        }
        return new Node.Sequence(at, List.of());
    }

    /** Whether the scalar at {@code at} is a block scalar ({@code |} or {@code >}), whose text starts on the next line. */
    private boolean isBlock(SourceLocation at) {
        int c = source.charAt(at.line(), at.column() - 1);
        return c == '|' || c == '>';
    }
}
