package org.osim.sweep.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The shaded jar's entry point for {@code spark-submit}: {@code osim sweep ARGS --engine spark}, the master as
 * spark-submit sets it.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(List.of(args));
        if (!all.contains("--engine")) {
            all.addAll(List.of("--engine", "spark"));
        }
        System.exit(org.osim.cli.Main.run(all.toArray(String[]::new), new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true)));
    }
}
