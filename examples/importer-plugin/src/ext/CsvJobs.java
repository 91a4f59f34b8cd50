package ext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;

/** Jobs as CSV lines {@code name,arrival_ms,run_ms}, after a {@code # jobs} line: a workload importer in one file. */
public final class CsvJobs implements WorkloadImporter {
    static final ParameterSpec<Double> SCALE = ParameterSpec.decimal("scale", 1.0, 0.01, 100, "multiply every run time");

    @Override
    public String name() {
        return "csvjobs"; // its options become --csvjobs-NAME
    }

    @Override
    public String description() {
        return "Jobs as CSV lines: name,arrival_ms,run_ms.";
    }

    @Override
    public List<String> extensions() {
        return List.of("jobs.csv"); // chosen by extension...
    }

    @Override
    public boolean recognizes(byte[] head) {
        return new String(head, StandardCharsets.US_ASCII).startsWith("# jobs"); // ...or by content
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SCALE);
    }

    @Override
    public Workload read(WorkloadSource source, Parameters options) throws IOException {
        List<ProcessSpec> processes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            String line;
            for (int n = 1; (line = in.readLine()) != null; n++) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 3) {
                    throw OsimException.badInput(new SourceLocation(source.name(), n, 1), "expected name,arrival_ms,run_ms");
                }
                long run = Math.round(Long.parseLong(f[2].strip()) * options.decimal("scale") * 1_000_000);
                processes.add(ProcessSpec.of(f[0].strip(), Long.parseLong(f[1].strip()) * 1_000_000,
                        Program.of(new Instruction.Compute(run))));
            }
        }
        return Workload.of(source.workloadName("jobs", extensions()), processes);
    }
}
