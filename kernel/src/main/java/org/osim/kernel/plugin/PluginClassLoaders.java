package org.osim.kernel.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Class loaders over the jars of plugin folders, so plugins can be dropped in without rebuilding osim. */
public final class PluginClassLoaders {
    private PluginClassLoaders() {}

    /**
     * A loader that sees {@code parent} and every {@code *.jar} in the given folders (a folder that does not
     * exist is skipped; a path to a jar is taken as is). Jars are taken in name order, so discovery is
     * deterministic.
     */
    public static ClassLoader over(List<Path> paths, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> jars = Files.list(path)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list plugin folder " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                urls.add(url(path));
            }
        }
        return urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad plugin path " + p, e);
        }
    }
}
