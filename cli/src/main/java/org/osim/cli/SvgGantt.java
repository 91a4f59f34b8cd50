package org.osim.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's schedule as an SVG Gantt chart: a row per CPU with a bar per slice, coloured by process, and under it a
 * row per thread with its states (running, ready, blocked). Time runs left to right on an axis in the report's unit.
 * Each bar says what it is in a {@code title} (a tooltip in any viewer) and in {@code data-tip} (the page's own
 * tooltip); the plot areas are nested SVGs whose {@code viewBox} the page's script zooms and pans.
 */
final class SvgGantt {
    static final double WIDTH = 1000;
    private static final double LABELS = 120;
    private static final double PLOT = WIDTH - LABELS - 20;
    /** Virtual width of the plot: times are scaled to it, so coordinates stay small whatever the run's length. */
    static final double VIRTUAL = 100_000;
    private static final double CPU_ROW = 24;
    private static final double THREAD_ROW = 16;
    private static final double AXIS = 28;
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"};
    private static final Map<String, String> STATE_COLOURS = Map.of("running", "#2e7d32", "ready", "#f9c74f",
            "stopped", "#9e9e9e");
    private static final String BLOCKED = "#e57373";

    private SvgGantt() {}

    /** A whole SVG document: the chart alone, for slides and papers ({@code --format svg}). */
    static void document(java.io.Writer out, Timeline t, long end, TimeUnitOption unit, String title) {
        Markup m = new Markup(out);
        chart(m, t, end, unit, title, true);
        m.flush();
    }

    /** The chart, as an {@code svg} element of its own; {@code standalone} adds the XML namespace a file needs. */
    static void chart(Markup m, Timeline t, long end, TimeUnitOption unit, String title, boolean standalone) {
        long span = Math.max(1, end);
        List<String> threads = new ArrayList<>(t.threads().keySet());
        double cpuBlock = t.cpus() * CPU_ROW;
        double threadTop = 20 + cpuBlock + 18;
        double legendTop = threadTop + threads.size() * THREAD_ROW + AXIS + 8;
        double height = legendTop + (standalone ? 16 : 0);
        m.open("svg", "xmlns", standalone ? "http://www.w3.org/2000/svg" : null, "class", "gantt",
                "viewBox", "0 0 " + Markup.number(WIDTH) + " " + Markup.number(height),
                "width", Markup.number(WIDTH), "height", Markup.number(height),
                "font-family", "sans-serif", "font-size", "11",
                "data-end-ns", Long.toString(span), "data-unit", unit.name(),
                "data-unit-ns", Long.toString((long) unit.nanosPerUnit()), "data-virtual", Markup.number(VIRTUAL),
                "data-plot-x", Markup.number(LABELS), "data-plot-width", Markup.number(PLOT));
        m.element("title", title);
        m.element("text", "CPUs", "x", "4", "y", "14", "font-weight", "bold");
        for (int c = 0; c < t.cpus(); c++) {
            m.element("text", "cpu" + c, "x", "8", "y", Markup.number(20 + c * CPU_ROW + CPU_ROW * 0.65));
        }
        m.element("text", "threads", "x", "4", "y", Markup.number(threadTop - 4), "font-weight", "bold");
        for (int i = 0; i < threads.size(); i++) {
            m.element("text", threads.get(i), "x", "8", "y", Markup.number(threadTop + i * THREAD_ROW + THREAD_ROW * 0.75),
                    "font-size", "10");
        }
        Map<String, String> colours = colours(t);
        plot(m, 20, cpuBlock, "cpus");
        for (Timeline.Bar b : t.bars()) {
            String tip = b.task() + " on cpu" + b.cpu() + ": " + unit.text(b.start()) + " to " + unit.text(b.end()) + " " + unit.name()
                    + (b.why().isEmpty() ? "" : " (" + b.why() + ")");
            m.open("rect", "class", "slice", "x", x(b.start(), span), "y", Markup.number(b.cpu() * CPU_ROW + 3),
                    "width", w(b.start(), b.end(), span), "height", Markup.number(CPU_ROW - 6), "fill", colours.get(b.task()),
                    "data-task", b.task(), "data-tip", tip);
            title(m, tip, standalone).close();
        }
        m.close();
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            row.put(threads.get(i), i);
        }
        plot(m, threadTop, threads.size() * THREAD_ROW, "threads");
        for (Timeline.State s : t.states()) {
            Integer r = row.get(s.task());
            if (r == null) {
                continue; // a thread that never became ready (created, then ended with its process)
            }
            String tip = s.task() + " " + s.state() + ": " + unit.text(s.start()) + " to " + unit.text(s.end()) + " " + unit.name();
            String kind = s.state().startsWith("blocked") ? "blocked" : s.state();
            // In a page the style sheet colours the states and the script shows the tips: a file on its own carries both.
            m.open("rect", "class", "state " + kind, "x", x(s.start(), span), "y", Markup.number(r * THREAD_ROW + 2),
                    "width", w(s.start(), s.end(), span), "height", Markup.number(THREAD_ROW - 4),
                    "fill", standalone ? STATE_COLOURS.getOrDefault(kind, BLOCKED) : null, "data-tip", tip);
            title(m, tip, standalone).close();
        }
        m.close();
        axis(m, threadTop + threads.size() * THREAD_ROW + 4, span, unit);
        if (standalone) { // a page has its legend beside the chart; a file on its own carries it
            double x = LABELS;
            for (String state : List.of("running", "ready", "blocked", "stopped")) {
                m.empty("rect", "x", Markup.number(x), "y", Markup.number(legendTop), "width", "10", "height", "10",
                        "fill", STATE_COLOURS.getOrDefault(state, BLOCKED));
                m.element("text", state, "x", Markup.number(x + 14), "y", Markup.number(legendTop + 9));
                x += 90;
            }
        }
        m.close();
    }

    /** A tooltip any SVG viewer shows: in a file of its own only (a page's script shows {@code data-tip}). */
    private static Markup title(Markup m, String tip, boolean standalone) {
        return standalone ? m.element("title", tip) : m;
    }

    /** A plot area: a nested SVG in virtual time units, stretched to the plot's width. */
    private static void plot(Markup m, double top, double height, String name) {
        m.open("svg", "class", "plot " + name, "x", Markup.number(LABELS), "y", Markup.number(top), "width", Markup.number(PLOT),
                "height", Markup.number(Math.max(1, height)), "viewBox", "0 0 " + Markup.number(VIRTUAL) + " " + Markup.number(Math.max(1, height)),
                "preserveAspectRatio", "none");
    }

    /** The time axis: a line and ticks at round values of the unit (1, 2 or 5 times a power of ten). */
    private static void axis(Markup m, double top, long span, TimeUnitOption unit) {
        m.open("g", "class", "axis", "transform", "translate(0," + Markup.number(top) + ")");
        m.empty("line", "x1", Markup.number(LABELS), "x2", Markup.number(LABELS + PLOT), "y1", "0", "y2", "0", "stroke", "#333");
        long step = tickStep(span, unit);
        for (long t = 0; t <= span; t += step) {
            double px = LABELS + (double) t / span * PLOT;
            m.empty("line", "x1", Markup.number(px), "x2", Markup.number(px), "y1", "0", "y2", "5", "stroke", "#333");
            m.element("text", unit.text(t), "x", Markup.number(px), "y", "16", "text-anchor", "middle");
        }
        m.element("text", unit.name(), "x", Markup.number(LABELS + PLOT), "y", "27", "text-anchor", "end");
        m.close();
    }

    /** A tick step of 1, 2 or 5 times a power of ten of the unit, giving about eight ticks. */
    static long tickStep(long span, TimeUnitOption unit) {
        double perUnit = unit.nanosPerUnit();
        double raw = span / perUnit / 8;
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * p * perUnit));
    }

    private static String x(long t, long span) {
        return Markup.number((double) t / span * VIRTUAL);
    }

    private static String w(long start, long end, long span) {
        return Markup.number(Math.max(0.01, (double) (end - start) / span * VIRTUAL));
    }

    /** A colour per process, in the order processes appear; the threads of one process in shades of it. */
    private static Map<String, String> colours(Timeline t) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> processes = new LinkedHashMap<>();
        Map<String, Integer> threadsSoFar = new HashMap<>();
        for (Map.Entry<String, String> e : t.threads().entrySet()) {
            int p = processes.computeIfAbsent(e.getValue(), k -> processes.size());
            int n = threadsSoFar.merge(e.getValue(), 1, Integer::sum) - 1;
            out.put(e.getKey(), shade(PALETTE[p % PALETTE.length], n % 3));
        }
        return out;
    }

    /** {@code base} itself, or a lighter shade of it for the second and third thread of a process. */
    private static String shade(String base, int n) {
        if (n == 0) {
            return base;
        }
        int rgb = Integer.parseInt(base.substring(1), 16);
        double f = n == 1 ? 0.3 : 0.55;
        int r = (int) Math.round(((rgb >> 16) & 255) + (255 - ((rgb >> 16) & 255)) * f);
        int g = (int) Math.round(((rgb >> 8) & 255) + (255 - ((rgb >> 8) & 255)) * f);
        int b = (int) Math.round((rgb & 255) + (255 - (rgb & 255)) * f);
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
