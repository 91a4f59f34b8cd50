package org.osim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osim.api.workload.Workload;
import org.osim.workloads.WorkloadWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osim import}: a file in another tool's format, written as the osim YAML it was understood as. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a workload in another tool's format (SWF …, see 'osim list importers') and write it as osim YAML, "
                + "to see and edit what was understood; running the YAML gives the same results as running the file.",
        footer = {"", "Example: osim import ../shared/traces/NASA-iPSC-1993-3.1-cln.swf.gz --swf-jobs 1-500 -o nasa.yaml"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    String file;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for formats whose jobs are drawn at random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML to FILE (atomically) instead of standard output.")
    Path output;

    @picocli.CommandLine.Mixin
    ImporterOptions importers;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isRegularFile(Path.of(file))) {
            throw org.osim.api.OsimException.badInput(file + ": no such file (osim import reads a file in another tool's format)");
        }
        Workload w = importers.load(file, seed, java.util.Map.of());
        // Written in full before anything is moved into place or printed: an error leaves nothing half-written.
        StringBuilder yaml = new StringBuilder(64 * w.processes().size() + 256);
        try {
            WorkloadWriter.write(w, yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Output.write(yaml.toString(), output, spec.commandLine().getOut());
        return 0;
    }
}
