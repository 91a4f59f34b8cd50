package org.osim.api.workload;

import java.io.IOException;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * Reads a workload written in another tool's format (an SWF trace, an rt-app file …) into osim's {@link Workload}.
 * Importers are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.osim.api.workload.WorkloadImporter}); {@code osim run FILE} picks one by the file's
 * extension, then by asking each whether it {@link #recognizes} the content, and {@code --input-format NAME}
 * names one outright. {@code osim import FILE -o out.yaml} writes what an importer understood as osim YAML.
 *
 * <p>Errors in the file are {@link org.osim.api.OsimException#badInput(org.osim.api.SourceLocation, String) bad
 * input} with the file, line and column, and say what was expected. Stable SPI.
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public interface WorkloadImporter {
    /** Unique, lower-case ({@code swf}); its options are given on the command line as {@code --swf-NAME}. */
    String name();

    /** One or two sentences: the format and where it comes from. */
    String description();

    /**
     * File-name endings it reads, lower-case, without the dot ({@code swf.gz}, {@code swf}); an ending also matches a
     * file of exactly that name ({@code scheduling.conf}). The longest ending that matches chooses.
     */
    List<String> extensions();

    /** Whether {@code head}, the first bytes of a file whose extension no importer claims, is in this format. */
    default boolean recognizes(byte[] head) {
        return false;
    }

    /** The options it takes, typed, with defaults and one line of help each. */
    default List<ParameterSpec<?>> parameters() {
        return List.of();
    }

    /**
     * Reads the whole file.
     *
     * @param options its {@link #parameters()}, checked and with defaults filled in
     * @throws org.osim.api.OsimException ({@code BAD_INPUT}) for a malformed file, naming the place
     * @throws IOException if the file cannot be read
     */
    Workload read(WorkloadSource source, Parameters options) throws IOException;
}
