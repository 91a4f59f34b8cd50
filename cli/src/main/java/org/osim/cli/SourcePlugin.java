package org.osim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.osim.api.OsimException;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.sched.SchedulerFactory;

/**
 * A plugin in one Java source file ({@code -s Policy.java}, {@code --plugins Policy.java}): compiled in memory against
 * osim-api with the JDK's compiler, its classes defined by a class loader of its own, and its public factory classes
 * (schedulers, kernel objects) offered to the ServiceLoader as if a services file named them — no build, no jar.
 * Compilation errors are javac's own lines, with file and line, and end the command as bad input.
 */
final class SourcePlugin {
    /** Each file compiled once per process, whatever asks for it. */
    private static final Map<Path, Compiled> COMPILED = new ConcurrentHashMap<>();
    private static final List<Class<?>> KINDS = List.of(SchedulerFactory.class, KernelObjectFactory.class);

    private SourcePlugin() {}

    /** Whether a plugin path or a scheduler option names a source file ({@code Lifo.java}, {@code Lifo.java:quantum=5ms}). */
    static boolean isSource(String path) {
        return path.endsWith(".java") || path.contains(".java:");
    }

    /** A compiled file: its classes' bytes, and the factory classes among them by the service they provide. */
    record Compiled(Path source, Map<String, byte[]> classes, Map<String, List<String>> services) {}

    /** A loader of the classes of {@code source}, below {@code parent}, that names its factories to the ServiceLoader. */
    static ClassLoader load(Path source, ClassLoader parent) {
        return new Loader(compile(source), parent);
    }

    /** The names of the schedulers {@code source} defines, in the file's order. */
    static List<String> schedulers(Path source) {
        Loader loader = new Loader(compile(source), SourcePlugin.class.getClassLoader());
        List<String> names = new ArrayList<>();
        for (String c : loader.compiled.services().getOrDefault(SchedulerFactory.class.getName(), List.of())) {
            try {
                names.add(((SchedulerFactory) loader.loadClass(c).getConstructor().newInstance()).name());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new OsimException(org.osim.api.ErrorCode.PLUGIN_FAILURE, "scheduler " + c + " of " + source + " cannot be made: " + e);
            }
        }
        return names;
    }

    static Compiled compile(Path source) {
        Path key = source.toAbsolutePath().normalize();
        return COMPILED.computeIfAbsent(key, SourcePlugin::compileNow);
    }

    private static Compiled compileNow(Path source) {
        if (!Files.isRegularFile(source)) {
            throw OsimException.badInput("no plugin source file " + source);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw OsimException.badInput("compiling " + source + " needs the JDK's compiler, and this Java (" + System.getProperty("java.home")
                    + ") has none: run osim with a JDK 17 or newer");
        }
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             InMemory memory = new InMemory(files, out)) {
            List<String> options = List.of("-classpath", apiPath(), "-proc:none", "-encoding", "UTF-8", "-Xlint:none");
            boolean ok = javac.getTask(messages, memory, null, options, null, files.getJavaFileObjects(source)).call();
            if (!ok) {
                throw OsimException.badInput(source + " does not compile:\n" + messages.toString().stripTrailing());
            }
        } catch (IOException e) {
            throw OsimException.badInput("cannot compile " + source + ": " + e.getMessage());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        Map<String, List<String>> services = new LinkedHashMap<>();
        Loader probe = new Loader(new Compiled(source, classes, Map.of()), SourcePlugin.class.getClassLoader());
        for (String name : classes.keySet()) {
            try {
                Class<?> c = probe.loadClass(name);
                if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers()) || c.getEnclosingClass() != null) {
                    continue;
                }
                for (Class<?> kind : KINDS) {
                    if (kind.isAssignableFrom(c)) {
                        c.getConstructor(); // a provider needs a public no-argument constructor
                        services.computeIfAbsent(kind.getName(), k -> new ArrayList<>()).add(name);
                    }
                }
            } catch (NoSuchMethodException e) {
                throw OsimException.badInput(source + ": " + name + " needs a public constructor without arguments to be a plugin");
            } catch (ClassNotFoundException | LinkageError e) {
                throw OsimException.badInput(source + ": cannot load " + name + ": " + e);
            }
        }
        if (services.isEmpty()) {
            throw OsimException.badInput(source + " defines no public class implementing SchedulerFactory or KernelObjectFactory "
                    + "(extend SchedulerPlugin, say)");
        }
        return new Compiled(source, classes, services);
    }

    /** Where the osim-api classes are: the only class path a plugin is compiled against. */
    private static String apiPath() {
        try {
            return Path.of(SchedulerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** Javac's class files kept in memory. */
    private static final class InMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        InMemory(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> out) {
            super(files);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    out.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines a compiled file's classes, and serves the services files that name its factories. */
    static final class Loader extends ClassLoader {
        private final Compiled compiled;

        Loader(Compiled compiled, ClassLoader parent) {
            super("source " + compiled.source().getFileName(), parent);
            this.compiled = compiled;
        }

        /** The file this loader's classes come from. */
        Path source() {
            return compiled.source();
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = compiled.classes().get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            String prefix = "META-INF/services/";
            if (!name.startsWith(prefix) || !compiled.services().containsKey(name.substring(prefix.length()))) {
                return Collections.emptyEnumeration();
            }
            byte[] lines = String.join("\n", compiled.services().get(name.substring(prefix.length()))).getBytes(StandardCharsets.UTF_8);
            URLStreamHandler handler = new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {}

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(lines);
                        }
                    };
                }
            };
            return Collections.enumeration(List.of(new URL("osim-source", "", -1, "/" + compiled.source().getFileName() + "/" + name, handler)));
        }
    }
}
