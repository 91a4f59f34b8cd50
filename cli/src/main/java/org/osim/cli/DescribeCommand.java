package org.osim.cli;

import java.util.concurrent.Callable;
import org.osim.api.param.ParameterSpec;
import org.osim.api.sched.SchedulerFactory;
import org.osim.kernel.Osim;
import org.osim.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osim describe}: what a scheduler does and the parameters it takes. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a scheduler, a kernel-object type, a workload or a workload importer: what it does, where it comes from, its "
                + "parameters (and operations) with types and defaults.")
final class DescribeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "A scheduler name (rr), a kernel-object type (semaphore), a workload, or a workload importer (swf).")
    String name;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Osim osim = plugins.osim();
        var objectType = osim.plugins().objectType(name);
        if (objectType.isPresent() && osim.plugins().scheduler(name).isEmpty()) {
            return print(describeObject(objectType.get()));
        }
        if (osim.plugins().scheduler(name).isEmpty() && (org.osim.workloads.Workloads.standardText(name).isPresent()
                || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(name)))) {
            return print(describeWorkload(org.osim.workloads.Workloads.load(name, 1)));
        }
        var importer = org.osim.workloads.Importers.named(name);
        if (importer.isPresent() && osim.plugins().scheduler(name).isEmpty()) {
            return print(describeImporter(importer.get()));
        }
        SchedulerFactory f = osim.scheduler(name);
        StringBuilder b = new StringBuilder();
        b.append(f.name()).append(" — scheduler\n\n");
        b.append(wrap(f.description(), 88)).append("\n\n");
        if (f.parameters().isEmpty()) {
            b.append("Parameters: none.\n");
        } else {
            b.append("Parameters:\n");
            TableReport.Table t = new TableReport.Table("  name", "default", "type", "meaning");
            for (ParameterSpec<?> p : f.parameters()) {
                t.add("  " + p.name(), p.defaultText(), p.type().description(), p.help());
            }
            b.append(t.render());
            ParameterSpec<?> first = f.parameters().get(0);
            b.append("\nExample: osim run fig-2-41 -s ").append(f.name()).append(':').append(first.name()).append('=')
                    .append(first.defaultText()).append('\n');
        }
        b.append("\nPriorities: a larger number is more important.\n");
        b.append("Source: ").append(PluginRegistry.source(f)).append('\n');
        return print(b);
    }

    private int print(CharSequence text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String describeImporter(org.osim.api.workload.WorkloadImporter i) {
        StringBuilder b = new StringBuilder();
        b.append(i.name()).append(" — workload importer\n\n").append(wrap(i.description(), 88)).append("\n\n");
        b.append("Files: ").append(String.join(" ", i.extensions().stream().map(e -> "*." + e).toList()))
                .append(" (or --input-format ").append(i.name()).append(")\n");
        if (i.parameters().isEmpty()) {
            b.append("Options: none.\n");
        } else {
            b.append("Options (of run, compare and import):\n");
            TableReport.Table t = new TableReport.Table("  option", "default", "type", "meaning");
            for (ParameterSpec<?> p : i.parameters()) {
                t.add("  --" + i.name() + "-" + ImporterOptions.kebab(p.name()), p.defaultText().isEmpty() ? "-" : p.defaultText(),
                        p.type().description(), p.help());
            }
            b.append(t.render());
        }
        b.append("Source: ").append(i.getClass().getName()).append('\n');
        return b.toString();
    }

    private static String describeWorkload(org.osim.api.workload.Workload w) {
        StringBuilder b = new StringBuilder();
        b.append(w.name()).append(" — workload\n\n");
        if (!w.description().isBlank()) {
            b.append(wrap(w.description().strip(), 88)).append("\n\n");
        }
        b.append(w.processes().size()).append(w.processes().size() == 1 ? " process" : " processes").append(" on ")
                .append(w.machine().cpus()).append(w.machine().cpus() == 1 ? " CPU" : " CPUs");
        if (!w.objects().isEmpty()) {
            b.append("; kernel objects: ").append(w.objects().stream().map(o -> o.name() + " (" + o.type() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        b.append(".\n");
        if (w.parameters().isEmpty()) {
            b.append("\nParameters: none.\n");
        } else {
            TableReport.Table t = new TableReport.Table("  name", "default", "meaning");
            for (var p : w.parameters()) {
                t.add("  " + p.name(), p.defaultValue(), p.help());
            }
            b.append("\nParameters (set with --set NAME=VALUE, or compare several with --vary NAME=V1,V2):\n").append(t.render());
        }
        return b.toString();
    }

    private static String describeObject(org.osim.api.object.KernelObjectFactory f) {
        StringBuilder b = new StringBuilder();
        b.append(f.type()).append(" — kernel object (").append(f.kind().name().toLowerCase(java.util.Locale.ROOT)).append(")\n\n");
        b.append(wrap(f.description(), 88)).append("\n\n");
        TableReport.Table ops = new TableReport.Table("  operation", "arguments", "may block", "meaning");
        for (var o : f.operations()) {
            ops.add("  " + o.name(), o.minArgs() == o.maxArgs() ? String.valueOf(o.minArgs()) : o.minArgs() + "-" + o.maxArgs(),
                    o.mayBlock() ? "yes" : "no", o.help());
        }
        b.append("Operations (call NAME.OPERATION [ARGS] [timeout=DURATION]):\n").append(ops.render());
        if (f.waitable()) {
            b.append("\nA dispatcher object: programs wait for it with waitfor [any|all] NAME... [timeout=DURATION].\n");
        }
        if (!f.parameters().isEmpty()) {
            TableReport.Table t = new TableReport.Table("  name", "default", "type", "meaning");
            for (ParameterSpec<?> p : f.parameters()) {
                t.add("  " + p.name(), p.defaultText(), p.type().description(), p.help());
            }
            b.append("\nParameters (in the workload's objects: section):\n").append(t.render());
        }
        b.append("\nSource: ").append(PluginRegistry.source(f)).append('\n');
        return b.toString();
    }

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : text.split("\\s+")) {
            if (col > 0 && col + 1 + word.length() > width) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }
}
