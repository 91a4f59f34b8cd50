package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subset reader gives exactly the full parser's tree — values, kinds and every position — or gives up; it never
 * gives a different one.
 */
class YamlSubsetTest {
    /** The subset's tree of {@code text}, checked against the full parser's, with the streamed items of both. */
    private static Optional<Node> same(String text) {
        List<Node> fast = new ArrayList<>();
        Optional<Node> subset = YamlSubset.parse("w.yaml", text, "processes", fast::add);
        if (subset.isPresent()) {
            List<Node> full = new ArrayList<>();
            Node tree = YamlTree.parse("w.yaml", text, "processes", full::add);
            assertThat(subset.get()).as(text).isEqualTo(tree);
            assertThat(fast).as(text).isEqualTo(full);
            // and without streaming
            assertThat(YamlSubset.parse("w.yaml", text, null, null)).as(text).contains(YamlTree.parse("w.yaml", text));
        }
        return subset;
    }

    @Test
    void everyShippedWorkloadReadsAsTheFullParserReadsIt() {
        int read = 0;
        for (String name : Workloads.standardNames()) {
            if (same(Workloads.standardText(name).orElseThrow()).isPresent()) {
                read++;
            }
        }
        // Most shipped workloads are in the subset; those with block scalars (programs, descriptions) are not.
        assertThat(read).isGreaterThan(0);
    }

    @Test
    void everyYamlFileOfTheRepositoryReadsAsTheFullParserReadsIt() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")
                    && !p.toString().contains("/.git/")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            same(Files.readString(f));
        }
    }

    @Test
    void aJobListReadsInTheSubset() {
        String text = """
                name: ostep-rr-3
                description: OSTEP scheduler.py job list (lengths in ms)
                processes:
                  - { name: j0, bursts: [cpu 845ms] }
                  - { name: j1, bursts: [cpu 758ms, io 2ms, cpu 1ms], arrival: 3ms }   # a comment
                  - name: j2
                    bursts: [ cpu 421ms ]
                    priority: -1
                machine: { cpus: 2 }
                """;
        Node root = same(text).orElseThrow();
        assertThat(((Node.Mapping) root).fields().keySet()).containsExactly("name", "description", "processes", "machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb: [x, y]\nc: {d: e}\n",
        "a:\n  b: 1\n  c:\n    - 1\n    - 2\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a: ~\nb: null\nc: Null\nd: NULL\ne: nulls\n",
        "a: .inf\nb: .NaN\nc: 0o17\nd: +1\ne: 2001-12-14\nf: 12:30:45\ng: 0b101\nh: -.5\n",
        "a : 1\nb:  2\nc: x#y\nd: 'q' \ne: \"\"\nf: ''\n",
        "null: 1\ntrue: 2\n1: 3\n",
        "a: True\nb: yes\nc: 0x10\nd: 1_000\ne: .5\nf: -3\ng: 1e3\n",
        "a: \"quoted, with: colon\"\nb: 'single'\nc: [\"x\", 'y']\n",
        "a: rr:quantum=1ms\nb: mov r0, 1; ret\nc: x # comment\n",
        "# leading comment\n\na: 1   \n\n# between\nb: 2\n",
        "a: {}\nb: []\nc: [ ]\n",
        "generate:\n  - { name: p, count: 10, cpu: \"uniform(1ms,1000ms)\", resolution: 1ms }\n",
        "processes: [ { name: a, bursts: [cpu 1ms] }, { name: b, bursts: [cpu 2ms] } ]\n",
        "processes:\n- name: a\n  bursts: [cpu 1ms]\n- name: b\n  bursts: [cpu 2ms]\n",
        "a: x\n  continued\n",
        "a: |\n  block\n",
        "a: >-\n  folded\n",
        "a: |\n  l1\n\n  l2\n    more\n\n\nb: 1\n",
        "a: >-\n  x\n  y\n\nb: 2\n",
        "a: |-\n  x\n  # not a comment\nb: 3\n",
        "a: >\n  x\n\n  y\n",
        "a: >\n  x\n    y\n",
        "a: |2\n  x\n",
        "a: |+\n  x\n\n",
        "a: | # header comment\n  x\n",
        "a: |\n  x \n",
        "a: |\nb: 1\n",
        "a:\n  b: |\n    x\n  c: 1\n",
        "processes:\n  - name: p\n    program: |\n      mov r0, 1\n      ret\n  - name: q\n    bursts: [cpu 1ms]\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "---\na: 1\n",
        "a: \"esc\\n\"\n",
        "a: 'it''s'\n",
        "a:\n",
        "a: [1,\n  2]\n",
        "a: 1\na: 2\n",
        "a: b: c\n",
        "- 1\n- 2\n",
        "a:\n  - - 1\n",
        "a: {b: 1, b: 2}\n",
        "a: - b\n",
        "a: [x:y]\n",
        "a: {b: }\n",
        "a:\n   b: 1\n  c: 2\n",
        "a: 1\n\n",
        "a: 1",
        "? a\n: 1\n",
        "a: @x\n",
        "a: `x`\n",
        "a: %x\n",
        "a: b #c: d\n",
    })
    void aSmallDocumentReadsAsTheFullParserReadsItOrIsLeftToIt(String text) {
        try {
            YamlSubset.parse("w.yaml", text, null, null);
        } catch (org.osim.api.OsimException e) {
            // The subset reports an error only where the full parser reports the same one.
            try {
                YamlTree.parse("w.yaml", text);
            } catch (org.osim.api.OsimException full) {
                assertThat(e.getMessage()).isEqualTo(full.getMessage());
                return;
            }
            throw new AssertionError("only the subset failed on " + text + ": " + e.getMessage());
        }
        same(text); // a tree only where the full parser reads the same tree (it throws if it fails)
    }

    @Test
    void itGivesUpOnWhatItDoesNotRead() {
        for (String text : List.of("a: |2\n  block\n", "a: x\n  continued\n", "a: &x 1\n", "a: [1,\n  2]\n", "a:\n", "- 1\n",
                "a:\tb\n", "a: 1\r\n", "a: \"esc\\n\"\n")) {
            assertThat(YamlSubset.parse("w.yaml", text, null, null)).as(text).isEmpty();
        }
    }
}
