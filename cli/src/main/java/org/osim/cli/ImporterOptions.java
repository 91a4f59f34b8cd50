package org.osim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osim.api.param.ParameterSpec;
import org.osim.api.workload.WorkloadImporter;
import org.osim.workloads.Importers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the commands that read workloads read a file in another tool's format: {@code --input-format}, and the options
 * of every workload importer — parameter {@code scaleLoad} of importer {@code swf} is {@code --swf-scale-load}. Those
 * are made from the importers found (Main adds them), so an importer's options need no code here.
 */
final class ImporterOptions {
    @picocli.CommandLine.Option(names = "--input-format", paramLabel = "NAME",
            description = "Read the workload file in this format (see 'osim list importers'); by default its extension or content says.")
    String inputFormat;

    /** What was given, by importer then parameter name. */
    final Map<String, Map<String, String>> given = new LinkedHashMap<>();

    /** The workload {@code nameOrPath}, in the format chosen, with the importer options given. */
    org.osim.api.workload.Workload load(String nameOrPath, long seed, Map<String, String> settings) {
        return org.osim.workloads.Workloads.load(nameOrPath, seed, settings, java.util.Optional.ofNullable(inputFormat), given);
    }

    /** The instance among {@code command}'s mixins (at any depth), if it reads workloads. */
    static java.util.Optional<ImporterOptions> of(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof ImporterOptions o) {
                return java.util.Optional.of(o);
            }
            java.util.Optional<ImporterOptions> nested = of(mixin);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return java.util.Optional.empty();
    }

    /** Adds every importer's options to {@code command}, storing what is given in {@link #given}. */
    void addTo(CommandSpec command) {
        for (WorkloadImporter importer : Importers.all()) {
            for (ParameterSpec<?> p : importer.parameters()) {
                boolean flag = p.type().javaType() == Boolean.class;
                OptionSpec.Builder o = OptionSpec.builder("--" + importer.name() + "-" + kebab(p.name()))
                        .type(String.class)
                        .paramLabel(flag ? "" : p.name().toUpperCase(java.util.Locale.ROOT))
                        .description((p.help() + (p.defaultText().isEmpty() ? "" : " (default: " + p.defaultText() + ")")).replace("%", "%%"))
                        .setter(new picocli.CommandLine.Model.ISetter() {
                            @Override
                            public <T> T set(T value) {
                                if (value != null) {
                                    given.computeIfAbsent(importer.name(), k -> new LinkedHashMap<>()).put(p.name(), (String) value);
                                }
                                return null;
                            }
                        });
                if (flag) {
                    o.arity("0..1").fallbackValue("true");
                }
                command.addOption(o.build());
            }
        }
    }

    /**
     * Whether {@code args} may give an importer's option: help is asked for, or an option the command does not
     * declare itself is given. Importers are loaded to make their options only then: that takes tens of
     * milliseconds of a start, and most command lines give none.
     */
    static boolean wanted(CommandSpec command, String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
                if (command.findOption(name) == null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code scaleLoad} → {@code scale-load}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
