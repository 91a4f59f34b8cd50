package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.workloads.Workloads;

/**
 * {@code docs/workload.schema.json}, the JSON Schema editors use to complete and check workload files: every shipped
 * workload (the standard ones and the examples) is valid by it, and a misspelt or misplaced field is not.
 */
class WorkloadSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try (InputStream in = Files.newInputStream(Path.of("../docs/workload.schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> errors(JsonNode workload) {
        return SCHEMA.validate(workload).stream().map(Error::toString).toList();
    }

    @Test
    void everyShippedWorkloadIsValid() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String name : Workloads.standardNames()) {
            try (InputStream in = Workloads.class.getResourceAsStream("standard/" + name + ".yaml")) {
                assertThat(in).as(name).isNotNull();
                assertThat(errors(YAML.readTree(in))).as(name).isEmpty();
                checked.add(name);
            }
        }
        for (String example : List.of("workloads/my-mix.yaml", "sync-plugin/latch.yaml", "ipc-plugin/pmq.yaml")) {
            assertThat(errors(YAML.readTree(Path.of("../examples", example).toFile()))).as(example).isEmpty();
            checked.add(example);
        }
        assertThat(checked).hasSize(Workloads.standardNames().size() + 3).hasSizeGreaterThan(80);
    }

    @Test
    void aMisspeltOrMisplacedFieldIsNot() throws IOException {
        assertThat(errors(YAML.readTree("processes: [ { name: A, burst: [cpu 8ms] } ]"))).singleElement().asString()
                .contains("burst").contains("is not defined in the schema");
        assertThat(errors(YAML.readTree("machine: { cpu: 2 }"))).singleElement().asString().contains("cpu");
        assertThat(errors(YAML.readTree("processes: [ { bursts: [cpu 8ms] } ]"))).singleElement().asString().contains("name");
        assertThat(errors(YAML.readTree("generate: [ { count: 5, cpu: exp(1ms), threadModel: user } ]"))).isNotEmpty();
        assertThat(errors(YAML.readTree("processes: [ { name: A, threadModel: green, bursts: [cpu 1ms] } ]"))).isNotEmpty();
        assertThat(errors(YAML.readTree("parameters: { N: { default: 4, help: slots } }\nprocesses: [ { name: A, repeat: $N, bursts: [cpu 1ms] } ]")))
                .isEmpty();
    }
}
