package org.osim.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;

/**
 * A text Gantt chart of the schedule, one row per CPU, in the style of the textbook's figures:
 * <pre>
 * cpu0 |B   |C   |D   |A       |
 *      0    4    8    12       20
 * </pre>
 * Time is scaled so the chart fits in the width asked for (80 columns by default); consecutive slices of
 * one task are drawn as one box; '.' is idle time.
 */
final class GanttChart {
    /** The default width in columns. */
    static final int WIDTH = 80;
    private static final long[] STEPS = {1, 2, 5};

    private GanttChart() {}

    static String render(RunResult r) {
        return render(r, WIDTH);
    }

    static String render(RunResult r, int maxWidth) {
        List<SliceRecord> merged = merge(r.slices());
        long end = 0;
        for (SliceRecord s : merged) {
            end = Math.max(end, s.end());
        }
        if (end == 0) {
            return "(nothing ran)\n";
        }
        long scale = scaleFor(end, maxWidth);
        int width = (int) ((end + scale - 1) / scale);
        StringBuilder b = new StringBuilder();
        b.append("Gantt chart: one column = ").append(SimTime.format(scale)).append('\n');
        List<Long> boundaries = new ArrayList<>();
        for (int cpu = 0; cpu < r.cpus(); cpu++) {
            char[] row = new char[width + 1];
            Arrays.fill(row, '.');
            row[width] = ' ';
            for (SliceRecord s : merged) {
                if (s.cpu() != cpu) {
                    continue;
                }
                int from = (int) (s.start() / scale);
                int to = Math.max(from + 1, (int) ((s.end() + scale / 2) / scale));
                for (int c = from; c < to && c < width; c++) {
                    row[c] = ' ';
                }
                row[from] = '|';
                String label = s.task();
                for (int i = 0; i < label.length() && from + 1 + i < to; i++) {
                    row[from + 1 + i] = label.charAt(i);
                }
                if (to <= width && (row[to] == '.' || row[to] == ' ')) {
                    row[to] = '|';
                }
                boundaries.add(s.start());
                boundaries.add(s.end());
            }
            b.append(String.format("cpu%-2d", cpu)).append(new String(row).stripTrailing()).append('\n');
        }
        // Few boxes: label their edges, as the book's figures do; many: a ruler every ten columns.
        if (merged.size() * 6 > width) {
            boundaries.clear();
            for (int col = 0; col <= width; col += 10) {
                boundaries.add(col * scale);
            }
        }
        b.append("     ").append(axis(boundaries, scale, width)).append('\n');
        return b.toString();
    }

    /** Slices of one task that follow each other on one CPU become one box. */
    private static List<SliceRecord> merge(List<SliceRecord> slices) {
        List<SliceRecord> out = new ArrayList<>();
        List<SliceRecord> sorted = new ArrayList<>(slices);
        sorted.sort((a, b) -> a.cpu() != b.cpu() ? Integer.compare(a.cpu(), b.cpu()) : Long.compare(a.start(), b.start()));
        for (SliceRecord s : sorted) {
            if (!out.isEmpty()) {
                SliceRecord last = out.get(out.size() - 1);
                if (last.cpu() == s.cpu() && last.task().equals(s.task()) && last.end() == s.start()) {
                    out.set(out.size() - 1, new SliceRecord(s.cpu(), s.task(), last.start(), s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** The smallest 1-2-5 step (in nanoseconds, at least 1 ms when the run is long) that fits the width. */
    private static long scaleFor(long end, int maxWidth) {
        long unit = 1;
        while (true) {
            for (long step : STEPS) {
                long scale = step * unit;
                if (end / scale <= maxWidth && (scale >= SimTime.NANOS_PER_MILLI || end < maxWidth * SimTime.NANOS_PER_MILLI)) {
                    return scale;
                }
            }
            unit *= 10;
        }
    }

    private static String axis(List<Long> boundaries, long scale, int width) {
        char[] line = new char[width + 12];
        Arrays.fill(line, ' ');
        boundaries.add(0L);
        boundaries.sort(null);
        int free = 0;
        for (long t : boundaries) {
            int col = (int) ((t + scale / 2) / scale);
            String label = SimTime.formatMillis(t);
            if (col >= free && col + label.length() <= line.length) {
                for (int i = 0; i < label.length(); i++) {
                    line[col + i] = label.charAt(i);
                }
                free = col + label.length() + 1;
            }
        }
        return new String(line).stripTrailing();
    }
}
