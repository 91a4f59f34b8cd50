package org.osim.sweep.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.osim.api.OsimException;
import org.osim.cli.SweepEngine;
import org.osim.cli.SweepOutcome;
import org.osim.cli.SweepTask;
import org.osim.cli.SweepTasks;
import org.osim.stats.SummaryMetric;

/**
 * {@code osim sweep --engine spark}: the grid's runs as one Spark job, a task per run (each single-threaded, as
 * everywhere), run by {@link SweepTasks#run} on the executors and collected in the order of the tasks, so that the
 * rows equal the local engine's. Plugin jars of the sweep's plugin folders go to the executors with
 * {@code addJar}, where ServiceLoader finds them as it does here. With a {@code .parquet} output the tidy table is
 * written by Spark itself.
 */
public final class SparkSweepEngine implements SweepEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<SweepOutcome> run(String sweep, List<SweepTask> tasks, Optional<String> master, Optional<Path> table) {
        SparkSession spark = session(sweep, master);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            for (String folder : tasks.isEmpty() ? List.<String>of() : tasks.get(0).pluginFolders()) {
                for (Path jar : jars(Path.of(folder))) {
                    jsc.addJar(jar.toString());
                }
            }
            List<SweepOutcome> out = jsc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> SweepTasks.run(t).wire()).collect()
                    .stream().map(SweepOutcome.Wire::outcome).toList();
            table.ifPresent(p -> write(spark, out, p));
            return out;
        } finally {
            spark.stop();
        }
    }

    private static SparkSession session(String sweep, Optional<String> master) {
        master.ifPresent(SparkSweepEngine::reachable);
        quiet("org.apache.spark", "org.apache.hadoop", "org.sparkproject", "io.netty", "org.apache.parquet");
        try {
            SparkSession.Builder b = SparkSession.builder().appName("osim sweep " + sweep).config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4");
            if (master.isPresent()) {
                b.master(master.get());
            } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
                b.master("local[*]"); // not under spark-submit: this machine's cores
            }
            return b.getOrCreate();
        } catch (RuntimeException e) {
            throw OsimException.badInput("cannot start Spark" + master.map(m -> " on master " + m).orElse("") + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * A standalone master ({@code spark://host:port[,host:port]}) answers on one of its ports; else one clear line, now,
     * rather than Spark's retries for ever. Other masters (yarn, k8s, local) are Spark's to check.
     */
    static void reachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String reason = "no address";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), 3000);
                return;
            } catch (java.io.IOException e) {
                reason = e.getMessage();
            }
        }
        throw OsimException.badInput("cannot reach Spark master " + master + ": " + reason);
    }

    /** Spark's own warnings (a loopback hostname, no native Hadoop) are not the user's business; its errors still are. */
    private static void quiet(String... packages) {
        for (String p : packages) {
            if (org.slf4j.LoggerFactory.getLogger(p) instanceof ch.qos.logback.classic.Logger l && l.getLevel() == null) {
                l.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no reason given" : s.lines().findFirst().orElse(s);
    }

    private static List<Path> jars(Path folder) {
        if (Files.isRegularFile(folder) && folder.toString().endsWith(".jar")) {
            return List.of(folder);
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The tidy table as Parquet, written to a temporary folder beside {@code target} and moved into place. */
    static void write(SparkSession spark, List<SweepOutcome> outcomes, Path target) {
        List<String> params = new ArrayList<>();
        outcomes.forEach(o -> o.task().cell().keySet().forEach(k -> {
            if (!params.contains(k)) {
                params.add(k);
            }
        }));
        java.util.Collections.sort(params);
        List<StructField> fields = new ArrayList<>(List.of(DataTypes.createStructField("workload", DataTypes.StringType, false)));
        params.forEach(p -> fields.add(DataTypes.createStructField(p, DataTypes.StringType, true)));
        fields.addAll(List.of(DataTypes.createStructField("scheduler", DataTypes.StringType, false),
                DataTypes.createStructField("replication", DataTypes.IntegerType, false),
                DataTypes.createStructField("seed", DataTypes.LongType, false),
                DataTypes.createStructField("status", DataTypes.StringType, false)));
        SummaryMetric.STANDARD.forEach(m -> fields.add(DataTypes.createStructField(m.name(), DataTypes.DoubleType, true)));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        List<Row> rows = new ArrayList<>();
        for (SweepOutcome o : outcomes) {
            List<Object> v = new ArrayList<>(List.of(o.workloadName()));
            params.forEach(p -> v.add(o.task().cell().get(p)));
            v.addAll(List.of(o.task().scheduler(), o.task().replication(), o.task().seed(), o.error().isPresent() ? "failed" : "ok"));
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                v.add(o.result().map(r -> m.of(r)).orElse(null)); // nanoseconds for times, as the run's summary has them
            }
            v.add(o.error().orElse(null));
            rows.add(RowFactory.create(v.toArray()));
        }
        Dataset<Row> ds = spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        ds.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp.toString());
        try {
            if (Files.exists(target)) {
                try (var old = Files.walk(target)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
