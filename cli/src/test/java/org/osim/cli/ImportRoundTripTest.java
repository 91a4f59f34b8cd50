package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** For every format: importing, writing YAML and running the YAML gives byte for byte the results of the file. */
class ImportRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"swf", "simso", "rtapp", "moss"})
    void theYamlRunsLikeTheFile(String format) throws Exception {
        Path file = switch (format) {
            case "swf" -> write("jobs.swf", "; MaxProcs: 4\n1 0 -1 100 2 -1 -1 2 150 -1 1 1 1 -1 -1 -1 -1 -1\n"
                    + "2 10 -1 50 4 -1 -1 4 -1 -1 1 2 1 -1 -1 -1 -1 -1\n3 20 -1 20 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1\n");
            case "simso" -> write("tasks.xml", SimsoImportTest.TASKS);
            case "rtapp" -> Path.of("../examples/rt-app/mutex.json");
            default -> write("scheduling.conf", "numprocess 4\nmeandev 300\nstanddev 50\nprocess 100\nprocess 40\nruntime 900\n");
        };
        Path yaml = dir.resolve(format + ".yaml");
        Cli imported = Cli.run("import", file.toString(), "-o", yaml.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        String scheduler = format.equals("swf") ? "easy" : null;
        String[] fromFile = args(file, scheduler);
        String[] fromYaml = args(yaml, scheduler);
        Cli a = Cli.run(fromFile);
        Cli b = Cli.run(fromYaml);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    private static String[] args(Path file, String scheduler) {
        return scheduler == null ? new String[] {"run", file.toString(), "--format", "json", "--slices"}
                : new String[] {"run", file.toString(), "-s", scheduler, "--format", "json", "--slices"};
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
