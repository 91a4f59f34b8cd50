package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.api.sched.SchedulerFactory;

/**
 * Schedulers written outside the repository: compiled here from source against osim-api alone, packed
 * into a jar with one services file, and dropped into a plugins folder.
 */
class ExternalPluginTest {
    @TempDir
    static Path work;
    static Path plugins;

    /** The shipped example, so the example in the docs is compiled and run by the tests. */
    private static final String LIFO = read(Path.of("../examples/scheduler-plugin/src/ext/Lifo.java"));

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns the first task it ever saw, again and again: a task it no longer holds. */
    private static final String FOREIGN = """
            package ext;
            import org.osim.api.param.Parameters;
            import org.osim.api.sched.*;
            import java.util.ArrayDeque;
            public final class Foreign implements SchedulerFactory {
                public String name() { return "broken-foreign"; }
                public String description() { return "broken on purpose"; }
                public Scheduler create(Parameters p, SchedulerContext c) {
                    return new Scheduler() {
                        final ArrayDeque<Task> q = new ArrayDeque<>();
                        Task first;
                        public void enqueue(Task t, EnqueueReason why) { if (first == null) first = t; q.add(t); }
                        public Task pickNext(CpuView cpu) { q.poll(); return first; }
                    };
                }
            }
            """;

    private static final String THROWS = """
            package ext;
            import org.osim.api.param.Parameters;
            import org.osim.api.sched.*;
            public final class Throws implements SchedulerFactory {
                public String name() { return "broken-throws"; }
                public String description() { return "broken on purpose"; }
                public Scheduler create(Parameters p, SchedulerContext c) {
                    return new Scheduler() {
                        public void enqueue(Task t, EnqueueReason why) { }
                        public Task pickNext(CpuView cpu) { throw new ArithmeticException("/ by zero"); }
                    };
                }
            }
            """;

    private static final String IDLE = """
            package ext;
            import org.osim.api.param.Parameters;
            import org.osim.api.sched.*;
            public final class Idle implements SchedulerFactory {
                public String name() { return "broken-idle"; }
                public String description() { return "broken on purpose"; }
                public Scheduler create(Parameters p, SchedulerContext c) {
                    return new Scheduler() {
                        public void enqueue(Task t, EnqueueReason why) { }
                        public Task pickNext(CpuView cpu) { return null; }
                    };
                }
            }
            """;

    /** Another plugin that also calls itself "lifo". */
    private static final String OTHER_LIFO = LIFO.replace("package ext;", "package other;").replace("class Lifo", "class OtherLifo").replace("public Lifo()", "public OtherLifo()");

    @BeforeAll
    static void buildPluginJars() throws IOException {
        buildJar("my-policies.jar", "ext", java.util.Map.of("Lifo", LIFO, "Foreign", FOREIGN, "Throws", THROWS, "Idle", IDLE));
        buildJar("other.jar", "other", java.util.Map.of("OtherLifo", OTHER_LIFO));
        plugins = work.resolve("plugins");
    }

    private static void buildJar(String jarName, String pkg, java.util.Map<String, String> sources) throws IOException {
        Path src = work.resolve("src-" + pkg + "/" + pkg);
        Files.createDirectories(src);
        List<String> args = new java.util.ArrayList<>();
        Path classes = work.resolve("classes-" + pkg);
        Files.createDirectories(classes);
        String api = Path.of(SchedulerFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        args.addAll(List.of("--release", "17", "-classpath", api, "-d", classes.toString()));
        StringBuilder services = new StringBuilder();
        for (var e : new java.util.TreeMap<>(sources).entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue());
            args.add(f.toString());
            services.append(pkg).append('.').append(e.getKey()).append('\n');
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        Path dir = work.resolve(pkg.equals("ext") ? "plugins" : "more");
        Files.createDirectories(dir);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve(jarName)))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jar);
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.osim.api.sched.SchedulerFactory"));
            OutputStream out = jar;
            out.write(services.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    @Test
    void aPluginBuiltAgainstAnotherApiLineIsRefusedBeforeItRuns() throws IOException {
        Path dir = work.resolve("versions");
        Files.createDirectories(dir);
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Osim-Api-Version", "7.2.0");
        Path classes = work.resolve("classes-other");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("future.jar")), m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.osim.api.sched.SchedulerFactory"));
            jar.write("other.OtherLifo\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Cli cli = Cli.run("run", "fig-2-41", "-s", "lifo", "--plugins", dir.toString());
        assertThat(cli.exit()).isEqualTo(3);
        assertThat(cli.err()).startsWith("osim: plugin other.OtherLifo (").contains("future.jar) was built against osim-api 7.2.0, and "
                + "this osim's is " + org.osim.api.ApiVersion.current() + ", which cannot run it: rebuild it against osim-api");
        // Where each scheduler came from: osim's own, or the jar.
        assertThat(Cli.run("list", "schedulers", "--plugins", plugins.toString()).out()).containsPattern("\nlifo +my-policies.jar +quantum=100ms")
                .containsPattern("\nfcfs +built in ");
    }

    @Test
    void aSchedulerFromAPluginsFolderIsListedAndRuns() {
        Cli list = Cli.run("list", "schedulers", "--plugins", plugins.toString());
        assertThat(list.out()).contains("lifo", "quantum=100ms", "Last in, first out");
        Cli run = Cli.run("run", "fig-2-41", "-s", "lifo", "--plugins", plugins.toString(), "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        // The newest arrival (D) runs first, then C, B, A.
        assertThat(run.out().lines().skip(1).map(l -> l.split(",")[4] + "=" + l.split(",")[8]))
                .containsExactly("A=20", "B=12", "C=8", "D=4");
        Cli describe = Cli.run("describe", "lifo", "--plugins", plugins.toString());
        assertThat(describe.out()).contains("my-policies.jar");
    }

    @Test
    void aSweepTakesItsPluginsAlongAndChecksThemFirst() throws IOException {
        Path spec = work.resolve("plugin-sweep.yaml");
        Files.writeString(spec, "workloads: [fig-2-41]\nschedulers: [fcfs, lifo]\nreplications: 2\n");
        Cli sweep = Cli.run("sweep", spec.toString(), "--plugins", plugins.toString(), "--format", "csv");
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        assertThat(sweep.out().lines().filter(l -> l.contains(",lifo,"))).hasSize(2).allMatch(l -> l.contains(",ok,"));
        // Without the folder, lifo is nobody's: refused at its place before any run.
        assertThat(Cli.run("sweep", spec.toString()).err()).startsWith("osim: " + spec + ":2:20: unknown scheduler 'lifo'");
    }

    @Test
    void thePluginsFolderOfTheOsimScriptIsReadToo() {
        String before = System.getProperty("osim.plugins");
        System.setProperty("osim.plugins", plugins.toString());
        try {
            assertThat(Cli.run("list", "schedulers").out()).contains("lifo");
        } finally {
            if (before == null) {
                System.clearProperty("osim.plugins");
            } else {
                System.setProperty("osim.plugins", before);
            }
        }
    }

    @Test
    void brokenPoliciesAreCaughtAndNamedWithExitCode3() {
        Cli foreign = Cli.run("run", "fig-2-41", "-s", "broken-foreign", "--plugins", plugins.toString());
        assertThat(foreign.exit()).isEqualTo(3);
        assertThat(foreign.err()).isEqualTo("osim: scheduler 'broken-foreign' (my-policies.jar) failed in pickNext at 8 ms: returned task A "
                + "for cpu 0, which it does not hold (it is terminated)\n");
        Cli thrower = Cli.run("run", "fig-2-41", "-s", "broken-throws", "--plugins", plugins.toString());
        assertThat(thrower.exit()).isEqualTo(3);
        assertThat(thrower.err()).isEqualTo("osim: scheduler 'broken-throws' (my-policies.jar) failed in pickNext at 0 ms: threw "
                + "java.lang.ArithmeticException: / by zero\n");
        Cli idle = Cli.run("run", "fig-2-41", "-s", "broken-idle", "--plugins", plugins.toString(), "--watchdog", "5s");
        assertThat(idle.exit()).isEqualTo(3);
        assertThat(idle.err()).isEqualTo("osim: scheduler 'broken-idle' (my-policies.jar) failed in pickNext at 5000 ms: watchdog: task A "
                + "has been runnable for 5000 ms while cpu 0 sat idle (bound 5s)\n");
        // What each did before its fault is reported: broken-foreign ran A to its end at 8 ms; the others ran nothing.
        assertThat(foreign.out()).startsWith("fig-2-41 · broken-foreign · seed 1").containsPattern("\nA +0 +0 +8 +8 ")
                .contains("3 of 4 processes did not complete");
        assertThat(thrower.out()).contains("4 of 4 processes did not complete");
        assertThat(idle.out()).contains("4 of 4 processes did not complete");
    }

    /**
     * Compiles {@code source} against osim-api alone and packs it, with its services line, as {@code jarName}
     * in a new plugins folder {@code folder}; returns the folder.
     */
    private static Path objectPlugin(String folder, String source, String className, String jarName) throws IOException {
        Path dir = work.resolve(folder);
        Path classes = work.resolve("classes-" + folder);
        Files.createDirectories(dir);
        Files.createDirectories(classes);
        String api = Path.of(SchedulerFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "--release", "17", "-classpath", api, "-d", classes.toString(), source)).isZero();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve(jarName)))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jar);
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.osim.api.object.KernelObjectFactory"));
            jar.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return dir;
    }

    @Test
    void aKernelObjectFromAPluginsFolderIsListedAndUsed() throws IOException {
        Path dir = objectPlugin("objects", "../examples/sync-plugin/src/ext/Latch.java", "ext.Latch", "latch.jar");
        assertThat(Cli.run("list", "objects", "--plugins", dir.toString()).out()).contains("latch", "await count_down");
        Cli run = Cli.run("run", "../examples/sync-plugin/latch.yaml", "-s", "rr:quantum=1ms", "--plugins", dir.toString(), "--format", "json", "--slices");
        assertThat(run.exit()).as(run.err()).isZero();
        // The workers all wait until the loader's second count_down at 10 ms.
        assertThat(run.out()).contains("\"task\" : \"workers.w1\",\n      \"start\" : 10,");
        assertThat(run.out()).contains("\"type\" : \"latch\"", "\"blocks\" : 3");
    }

    @Test
    void anIpcMechanismFromAPluginsFolderIsListedDescribedAndUsed() throws IOException {
        // The example of docs/writing-an-ipc-mechanism.md, compiled against osim-api alone.
        Path dir = objectPlugin("ipc", "../examples/ipc-plugin/src/ext/PriorityMessageQueue.java", "ext.PriorityMessageQueue", "pmq.jar");
        assertThat(Cli.run("list", "objects", "--plugins", dir.toString()).out()).contains("pmq");
        // Bound among the IPC mechanisms, after every synchronization primitive.
        org.osim.kernel.Osim osim = org.osim.kernel.Osim.create(List.of(dir));
        assertThat(osim.plugins().ipcMechanisms()).containsKeys("pmq", "mailbox", "pipe").doesNotContainKeys("semaphore");
        assertThat(osim.plugins().syncPrimitives()).containsKeys("semaphore", "mutex").doesNotContainKeys("pmq");
        String list = Cli.run("list", "objects", "--plugins", dir.toString()).out();
        assertThat(list.indexOf("\npmq ")).isGreaterThan(list.indexOf("\nsemaphore "));
        assertThat(Cli.run("describe", "pmq", "--plugins", dir.toString()).out()).startsWith("pmq — kernel object (ipc)")
                .contains("send V P: queue message V with priority P");
        Cli run = Cli.run("run", "../examples/ipc-plugin/pmq.yaml", "-s", "fcfs", "--plugins", dir.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        // The urgent messages 3 and 6 overtake the others.
        assertThat(run.out()).contains("\"got\" : [ 3, 6, 1, 2, 4, 5 ]", "\"type\" : \"pmq\"");
    }

    @Test
    void aDuplicateNameIsRejectedNamingBothSources() {
        Cli c = Cli.run("list", "schedulers", "--plugins", plugins.toString(), "--plugins", work.resolve("more").toString());
        assertThat(c.exit()).isEqualTo(3);
        assertThat(c.err()).startsWith("osim: two scheduler plugins are named 'lifo': ext.Lifo (")
                .contains("my-policies.jar) and other.OtherLifo (").contains("other.jar)");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void aPluginFaultIsReportedBeforeABadWorkloadThoughTheyAreReadTogether() {
        // The plugins are wired while the workload is read; the plugin's fault still comes first, as it did when
        // one followed the other, and for run as for compare.
        for (String command : java.util.List.of("run", "compare")) {
            Cli c = Cli.run(command, "no-such-workload", "-s", "fcfs", "--plugins", plugins.toString(), "--plugins",
                    work.resolve("more").toString());
            assertThat(c.exit()).as(command).isEqualTo(3);
            assertThat(c.err()).as(command).startsWith("osim: two scheduler plugins are named 'lifo'");
        }
        Cli bad = Cli.run("run", "no-such-workload", "-s", "fcfs", "--plugins", plugins.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("osim: no workload 'no-such-workload'");
    }
}
