package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.api.workload.WorkloadImporter;

/** The importer of docs/writing-an-importer.md, compiled against osim-api alone and dropped into a plugins folder. */
class ImporterPluginTest {
    @TempDir
    static Path work;
    static Path plugins;
    static Path jobs;

    @BeforeAll
    static void buildThePluginJar() throws IOException {
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String api = Path.of(WorkloadImporter.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-classpath", api, "-d",
                classes.toString(), "../examples/importer-plugin/src/ext/CsvJobs.java")).isZero();
        plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("csv-jobs.jar")))) {
            jar.putNextEntry(new JarEntry("ext/CsvJobs.class"));
            Files.copy(classes.resolve("ext/CsvJobs.class"), jar);
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("META-INF/services/org.osim.api.workload.WorkloadImporter"));
            jar.write("ext.CsvJobs\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        jobs = work.resolve("fig.jobs.csv");
        Files.writeString(jobs, "# jobs of Tanenbaum Fig. 2-41\nA,0,8\nB,0,4\nC,0,4\nD,0,4\n");
    }

    @Test
    void anImporterFromAPluginsFolderReadsItsFilesAndTakesItsOptions() {
        Cli list = Cli.run("list", "importers", "--plugins", plugins.toString());
        assertThat(list.out()).contains("csvjobs  *.jobs.csv").contains("--csvjobs-scale");
        Cli run = Cli.run("compare", jobs.toString(), "-s", "fcfs", "-s", "sjf", "--plugins", plugins.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fcfs                    14").contains("sjf                     11");
        Cli scaled = Cli.run("run", jobs.toString(), "-s", "fcfs", "--csvjobs-scale", "2", "--plugins=" + plugins);
        assertThat(scaled.out()).contains("mean turnaround 28 ms");
        assertThat(Cli.run("list", "importers").out()).doesNotContain("csvjobs"); // not without the folder
    }

    @Test
    void aMalformedLineIsTheImportersErrorAtItsPlace() throws IOException {
        Path bad = work.resolve("bad.jobs.csv");
        Files.writeString(bad, "# jobs\nA,0\n");
        Cli c = Cli.run("run", bad.toString(), "-s", "fcfs", "--plugins", plugins.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("osim: " + bad + ":2:1: expected name,arrival_ms,run_ms\n");
        Cli broken = Cli.run("run", work.resolve("x.jobs.csv").toString(), "-s", "fcfs", "--plugins", plugins.toString());
        assertThat(broken.exit()).isEqualTo(2); // no such file: neither a file nor a standard workload
    }
}
