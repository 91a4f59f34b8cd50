package org.osim.importers.ostep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;

/** An OSTEP homework script's workload, read from its flags: what to run, under which osim policy, and its report. */
public interface Homework {
    Workload workload();

    /** The osim policy that follows the script's. */
    String scheduler();

    /** The policy's parameters. */
    Map<String, String> parameters();

    /**
     * The script's final statistics, in its own layout, for {@code --as-ostep}, from the run's results and, if
     * {@link #tracesInstructions()}, its trace.
     */
    String finalStatistics(RunResult r, java.util.List<org.osim.api.trace.TraceEvent> trace);

    /** Whether {@link #finalStatistics} needs the run's trace, every machine instruction included. */
    default boolean tracesInstructions() {
        return false;
    }

    /** Python's {@code '%3.2f' % x}: correctly rounded, ties to even, padded to 3. */
    static String f2(double x) {
        String s = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return s.length() >= 3 ? s : " ".repeat(3 - s.length()) + s;
    }
}
