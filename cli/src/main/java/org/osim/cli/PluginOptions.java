package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osim.kernel.Osim;
import picocli.CommandLine.Option;

/** Where plugins come from: the class path, plus folders of jars. */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars (or one jar) to load; may be repeated. "
                    + "./osim always reads the 'plugins' folder at the repository root.")
    List<Path> plugins = new ArrayList<>();

    Osim osim() {
        List<Path> all = new ArrayList<>();
        String fromScript = System.getProperty("osim.plugins");
        if (fromScript != null && !fromScript.isBlank()) {
            for (String p : fromScript.split(java.io.File.pathSeparator)) {
                all.add(Path.of(p));
            }
        }
        all.addAll(plugins);
        return Osim.create(all);
    }
}
