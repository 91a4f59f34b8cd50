package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin in one source file: compiled in memory and run, with javac's own messages when it does not compile. */
class SourcePluginTest {
    private static final String LIFO = "../examples/single-file/Lifo.java";

    @TempDir
    Path dir;

    @Test
    void aSingleFileSchedulerRunsAsItIs() throws IOException {
        // Fig. 2-41's four jobs arrive together, A first: last in, first out runs D, C, B, then A (mean turnaround 11).
        Cli cli = Cli.run("run", "fig-2-41", "-s", LIFO, "--gantt");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("fig-2-41 · lifo quantum=100ms · seed 1").contains("mean turnaround 11 ms")
                .contains("cpu0 |D      |C      |B      |A              |");
        // Parameters follow the file name as they follow a policy's; --plugins loads the file for -s by name.
        assertThat(Cli.run("run", "fig-2-41", "-s", LIFO + ":quantum=1ms").out()).startsWith("fig-2-41 · lifo quantum=1ms · seed 1");
        assertThat(Cli.run("compare", "fig-2-41", "-s", "fcfs", "-s", "lifo", "--plugins", LIFO).out()).contains("\nlifo ");
        assertThat(Cli.run("list", "schedulers", "--plugins", LIFO).out()).contains("lifo");
        assertThat(Files.readAllLines(Path.of(LIFO))).hasSizeLessThanOrEqualTo(30);
    }

    @Test
    void aKernelObjectInOneFileToo() {
        // The example latch, from its source: three workers await it, the loader counts it down (docs/writing-a-sync-primitive.md).
        Cli cli = Cli.run("run", "../examples/sync-plugin/latch.yaml", "-s", "rr:quantum=1ms", "--plugins",
                "../examples/sync-plugin/src/ext/Latch.java");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("ready +latch +5 +3 +0 ");
    }

    @Test
    void compilationErrorsAreJavacsOwnAndBadInput() throws IOException {
        Path bad = dir.resolve("Bad.java");
        Files.writeString(bad, "import org.osim.api.sched.*;\npublic final class Bad extends SchedulerPlugin {\n"
                + "    public Bad() { super(\"bad\", \"x\") }\n}\n");
        Cli cli = Cli.run("run", "fig-2-41", "-s", bad.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("osim: " + bad + " does not compile:\n" + bad + ":3: error: ';' expected\n"
                + "    public Bad() { super(\"bad\", \"x\") }\n                                    ^\n1 error\n");
    }

    @Test
    void aFaultNamesThePluginWithItsFile() throws IOException {
        Path boom = dir.resolve("Boom.java");
        Files.writeString(boom, "import org.osim.api.sched.*;\nimport org.osim.api.param.Parameters;\nimport java.util.ArrayDeque;\n"
                + "public final class Boom extends SchedulerPlugin {\n    public Boom() { super(\"boom\", \"throws\"); }\n"
                + "    public Scheduler create(Parameters p, SchedulerContext c) {\n        return new QueueScheduler(new ArrayDeque<>()) {\n"
                + "            public Task pickNext(CpuView cpu) { throw new IllegalStateException(\"boom\"); }\n        };\n    }\n}\n");
        Cli cli = Cli.run("run", "fig-2-41", "-s", boom.toString());
        assertThat(cli.exit()).isEqualTo(3);
        assertThat(cli.err()).isEqualTo("osim: scheduler 'boom' (source Boom.java) failed in pickNext at 0 ms: threw "
                + "java.lang.IllegalStateException: boom\n");
    }

    @Test
    void aRunAPluginStopsReportsWhatItDidUpToThen() throws IOException {
        Path late = dir.resolve("Late.java");
        Files.writeString(late, "import org.osim.api.sched.*;\nimport org.osim.api.param.Parameters;\nimport java.util.ArrayDeque;\n"
                + "public final class Late extends SchedulerPlugin {\n    public Late() { super(\"late\", \"throws after 10 ms\"); }\n"
                + "    public Scheduler create(Parameters p, SchedulerContext c) {\n        return new QueueScheduler(new ArrayDeque<>()) {\n"
                + "            public Task pickNext(CpuView cpu) {\n                if (c.now() > 10_000_000L) throw new IllegalStateException(\"late\");\n"
                + "                return super.pickNext(cpu);\n            }\n        };\n    }\n}\n");
        Cli cli = Cli.run("run", "fig-2-41", "-s", late.toString());
        assertThat(cli.exit()).isEqualTo(3);
        // A (0-8) and B (8-12) ran before the fault at 12 ms; C and D never did.
        assertThat(cli.out()).containsPattern("\nA +0 +0 +8 +8 ").containsPattern("\nB +0 +8 +12 +12 ")
                .contains("2 of 4 processes did not complete");
        assertThat(cli.err()).isEqualTo("osim: scheduler 'late' (source Late.java) failed in pickNext at 12 ms: threw "
                + "java.lang.IllegalStateException: late\n");
        // In a comparison the other runs go on; each is reported, the stopped one with what it did, then the fault.
        Cli compare = Cli.run("compare", "fig-2-41", "-s", "fcfs", "-s", late.toString(), "-s", "sjf");
        assertThat(compare.exit()).isEqualTo(3);
        assertThat(compare.out()).containsPattern("\nfcfs +14 ").containsPattern("\nlate +10 .* 2/4\n").containsPattern("\nsjf +11 ");
        assertThat(compare.err()).isEqualTo(cli.err());
    }

    @Test
    void anEndlessCallbackIsStoppedByItsBudget() throws Exception {
        Path spin = dir.resolve("Spin.java");
        Files.writeString(spin, "import org.osim.api.sched.*;\nimport org.osim.api.param.Parameters;\nimport java.util.ArrayDeque;\n"
                + "public final class Spin extends SchedulerPlugin {\n    public Spin() { super(\"spin\", \"loops\"); }\n"
                + "    public Scheduler create(Parameters p, SchedulerContext c) {\n        return new QueueScheduler(new ArrayDeque<>()) {\n"
                + "            public Task pickNext(CpuView cpu) {\n                while (true) {\n                    Thread.onSpinWait();\n"
                + "                }\n            }\n        };\n    }\n}\n");
        // The process ends from the watcher's thread (a looping thread cannot be stopped), so the command runs in a JVM of its own.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.osim.cli.Main", "run", "fig-2-41", "-s", spin.toString(), "--callback-budget", "1s")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(err).matches("(?s).*osim: scheduler callback pickNext at source Spin\\.java//Spin\\$1\\.pickNext\\(Spin\\.java:1[01]\\) has not returned in 1s "
                + "of wall time \\(--callback-budget\\): an endless loop\\? The run is stopped\\.\n");
    }

    @Test
    void aFileWithoutAPluginOrWithTwoSaysSo() throws IOException {
        Path none = dir.resolve("Helper.java");
        Files.writeString(none, "public class Helper { }\n");
        assertThat(Cli.run("run", "fig-2-41", "-s", none.toString()).err()).isEqualTo("osim: " + none
                + " defines no public class implementing SchedulerFactory or KernelObjectFactory (extend SchedulerPlugin, say)\n");
        Path missing = dir.resolve("Missing.java");
        assertThat(Cli.run("run", "fig-2-41", "-s", missing.toString()).err()).isEqualTo("osim: no plugin source file " + missing + "\n");
        Path noConstructor = dir.resolve("Fixed.java");
        Files.writeString(noConstructor, "import org.osim.api.sched.*;\nimport org.osim.api.param.Parameters;\n"
                + "public class Fixed extends SchedulerPlugin {\n    public Fixed(String n) { super(n, \"x\"); }\n"
                + "    public Scheduler create(Parameters p, SchedulerContext c) { return null; }\n}\n");
        assertThat(Cli.run("run", "fig-2-41", "-s", noConstructor.toString()).err())
                .isEqualTo("osim: " + noConstructor + ": Fixed needs a public constructor without arguments to be a plugin\n");
    }
}
