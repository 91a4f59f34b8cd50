package org.osim.cli;

import java.util.List;

import java.util.concurrent.Callable;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osim list}: what is installed. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the installed schedulers, kernel objects, the standard workloads, or the workload importers.")
final class ListCommand implements Callable<Integer> {
    enum What { schedulers, objects, workloads, importers }

    @Parameters(index = "0", paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StringBuilder b = new StringBuilder();
        switch (what) {
            case schedulers -> {
                Osim osim = plugins.osim();
                TableReport.Table t = new TableReport.Table("scheduler", "from", "parameters", "description");
                for (SchedulerFactory f : osim.plugins().schedulers()) {
                    String params = String.join(", ", f.parameters().stream().map(p -> p.name() + "=" + p.defaultText()).toList());
                    t.add(f.name(), org.osim.kernel.plugin.PluginRegistry.origin(f), params.isEmpty() ? "-" : params,
                            firstSentence(f.description()));
                }
                b.append(t.render());
            }
            case objects -> {
                Osim osim = plugins.osim();
                TableReport.Table t = new TableReport.Table("type", "from", "kind", "operations", "description");
                // Grouped by kind: the synchronization primitives, then the IPC mechanisms.
                for (var f : java.util.stream.Stream.concat(osim.plugins().syncPrimitives().values().stream(),
                        osim.plugins().ipcMechanisms().values().stream()).toList()) {
                    List<String> ops = new java.util.ArrayList<>(f.operations().stream().map(o -> o.name()).toList());
                    if (f.waitable()) {
                        ops.add("(waitfor)"); // a dispatcher object
                    }
                    t.add(f.type(), org.osim.kernel.plugin.PluginRegistry.origin(f), f.kind().name().toLowerCase(java.util.Locale.ROOT),
                            String.join(" ", ops),
                            firstSentence(f.description()));
                }
                b.append(osim.plugins().objectTypes().isEmpty() ? "No kernel objects are installed.\n" : t.render());
            }
            case workloads -> {
                TableReport.Table t = new TableReport.Table("workload", "processes", "description");
                for (String name : Workloads.standardNames()) {
                    Workload w = Workloads.load(name, 1);
                    t.add(name, String.valueOf(w.processes().size()), firstSentence(w.description()));
                }
                b.append(t.render());
            }
            case importers -> {
                TableReport.Table t = new TableReport.Table("format", "files", "options", "description");
                t.add(org.osim.workloads.Importers.YAML, "*.yaml *.yml *.json", "--set NAME=VALUE",
                        "osim's own workload format (docs/workload-format.md).");
                for (org.osim.api.workload.WorkloadImporter i : org.osim.workloads.Importers.all()) {
                    String options = String.join(" ", i.parameters().stream()
                            .map(p -> "--" + i.name() + "-" + ImporterOptions.kebab(p.name())).toList());
                    t.add(i.name(), String.join(" ", i.extensions().stream().map(e -> "*." + e).toList()),
                            options.isEmpty() ? "-" : options, firstSentence(i.description()));
                }
                b.append(t.render());
            }
        }
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String firstSentence(String text) {
        // A sentence ends at ". " before a capital: "Fig. 2-41" does not end one.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\. (?=[A-Z])").matcher(text);
        String s = m.find() ? text.substring(0, m.start() + 1) : text;
        return s.length() > 110 ? s.substring(0, 107) + "..." : s;
    }
}
