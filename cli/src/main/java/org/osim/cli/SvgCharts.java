package org.osim.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The charts of a comparison, as SVG: a bar per policy for a summary metric (with whiskers for a confidence interval
 * when there are replications), and the empirical distribution function of a per-process time, a step line per
 * policy.
 */
final class SvgCharts {
    private static final double W = 460;
    private static final double H = 240;
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    private static final double TOP = 26;
    private static final double BOTTOM = 54;
    static final String[] SERIES = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac"};

    /** The most steps an ECDF line draws. */
    private static final int STEPS = 500;

    private SvgCharts() {}

    /**
     * One bar per label for {@code metric}; {@code halfWidths} (or null) gives each a whisker of that half-width.
     * {@code format} writes a value as the report prints it.
     */
    static void bars(Markup m, String metric, List<String> labels, double[] values, double[] halfWidths,
                     java.util.function.DoubleFunction<String> format) {
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            max = Math.max(max, values[i] + (halfWidths == null ? 0 : halfWidths[i]));
        }
        max = niceTop(max);
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        m.open("svg", "class", "chart bars", "viewBox", "0 0 " + Markup.number(W) + " " + Markup.number(H), "width", Markup.number(W),
                "height", Markup.number(H), "font-family", "sans-serif", "font-size", "11", "data-metric", metric);
        m.element("text", metric, "x", Markup.number(W / 2), "y", "16", "text-anchor", "middle", "font-weight", "bold");
        yAxis(m, max, plotH, format);
        double slot = plotW / values.length;
        for (int i = 0; i < values.length; i++) {
            double h = values[i] / max * plotH;
            double x = LEFT + i * slot + slot * 0.15;
            String tip = labels.get(i) + ": " + format.apply(values[i]) + (halfWidths == null ? "" : " ± " + format.apply(halfWidths[i]));
            m.open("rect", "class", "bar", "x", Markup.number(x), "y", Markup.number(TOP + plotH - h), "width", Markup.number(slot * 0.7),
                    "height", Markup.number(Math.max(0, h)), "fill", SERIES[i % SERIES.length], "data-policy", labels.get(i),
                    "data-value", Double.toString(values[i]), "data-tip", tip);
            m.element("title", tip).close();
            if (halfWidths != null) {
                double cx = x + slot * 0.35;
                double lo = TOP + plotH - Math.max(0, values[i] - halfWidths[i]) / max * plotH;
                double hi = TOP + plotH - (values[i] + halfWidths[i]) / max * plotH;
                m.empty("line", "class", "whisker", "x1", Markup.number(cx), "x2", Markup.number(cx), "y1", Markup.number(lo),
                        "y2", Markup.number(hi), "stroke", "#222");
                for (double y : new double[] {lo, hi}) {
                    m.empty("line", "x1", Markup.number(cx - 5), "x2", Markup.number(cx + 5), "y1", Markup.number(y), "y2",
                            Markup.number(y), "stroke", "#222");
                }
            }
            m.element("text", labels.get(i), "x", Markup.number(x + slot * 0.35), "y", Markup.number(TOP + plotH + 14),
                    "text-anchor", "middle", "font-size", "10");
        }
        m.close();
    }

    /**
     * The empirical distribution function of {@code samples[i]} (one array per label), as steps: the fraction of
     * processes whose time is at most x.
     */
    static void ecdf(Markup m, String title, List<String> labels, double[][] samples, TimeUnitOption unit) {
        double max = 0;
        for (double[] s : samples) {
            for (double v : s) {
                max = Math.max(max, v);
            }
        }
        max = max <= 0 ? 1 : max;
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        m.open("svg", "class", "chart ecdf", "viewBox", "0 0 " + Markup.number(W) + " " + Markup.number(H), "width", Markup.number(W),
                "height", Markup.number(H), "font-family", "sans-serif", "font-size", "11", "data-metric", title);
        m.element("text", title, "x", Markup.number(W / 2), "y", "16", "text-anchor", "middle", "font-weight", "bold");
        yAxis(m, 1, plotH, v -> Markup.number(v));
        m.empty("line", "x1", Markup.number(LEFT), "x2", Markup.number(LEFT + plotW), "y1", Markup.number(TOP + plotH),
                "y2", Markup.number(TOP + plotH), "stroke", "#333");
        long step = SvgGantt.tickStep((long) Math.ceil(max), unit);
        for (long t = 0; t <= max; t += step) {
            double px = LEFT + t / max * plotW;
            m.empty("line", "x1", Markup.number(px), "x2", Markup.number(px), "y1", Markup.number(TOP + plotH), "y2",
                    Markup.number(TOP + plotH + 4), "stroke", "#333");
            m.element("text", unit.text(t), "x", Markup.number(px), "y", Markup.number(TOP + plotH + 15), "text-anchor", "middle");
        }
        m.element("text", unit.name(), "x", Markup.number(LEFT + plotW), "y", Markup.number(TOP + plotH + 27), "text-anchor", "end");
        for (int i = 0; i < samples.length; i++) {
            double[] s = samples[i].clone();
            Arrays.sort(s);
            StringBuilder d = new StringBuilder("M").append(Markup.number(LEFT)).append(' ').append(Markup.number(TOP + plotH));
            // At most STEPS steps: beyond that many processes, every (n/STEPS)-th order statistic (a step per pixel or less).
            int steps = Math.min(s.length, STEPS);
            for (int j = 0; j < steps; j++) {
                int k = steps == s.length ? j : (int) ((long) (j + 1) * s.length / steps) - 1;
                double px = LEFT + s[k] / max * plotW;
                d.append(" H").append(Markup.number(px)).append(" V").append(Markup.number(TOP + plotH - (k + 1.0) / s.length * plotH));
            }
            d.append(" H").append(Markup.number(LEFT + plotW));
            String colour = SERIES[i % SERIES.length];
            m.open("path", "class", "ecdf-line", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", "2",
                    "data-policy", labels.get(i), "data-tip", labels.get(i) + ": " + s.length + " processes");
            m.element("title", labels.get(i)).close();
            double ly = H - 12;
            double lx = LEFT + i * (plotW / Math.max(1, samples.length));
            m.empty("rect", "x", Markup.number(lx), "y", Markup.number(ly - 8), "width", "10", "height", "10", "fill", colour);
            m.element("text", labels.get(i), "x", Markup.number(lx + 14), "y", Markup.number(ly + 1), "font-size", "10");
        }
        m.close();
    }

    /** The top of a value axis: four ticks of a round step (1, 2, 2.5 or 5 times a power of ten) at or above {@code max}. */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 4;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= raw * (1 - 1e-12)) {
                return 4 * f * p;
            }
        }
        return 40 * p;
    }

    private static void yAxis(Markup m, double max, double plotH, java.util.function.DoubleFunction<String> format) {
        m.empty("line", "x1", Markup.number(LEFT), "x2", Markup.number(LEFT), "y1", Markup.number(TOP), "y2",
                Markup.number(TOP + plotH), "stroke", "#333");
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            double y = TOP + plotH - plotH * k / 4;
            m.empty("line", "x1", Markup.number(LEFT - 4), "x2", Markup.number(LEFT), "y1", Markup.number(y), "y2", Markup.number(y),
                    "stroke", "#333");
            m.element("text", format.apply(v), "x", Markup.number(LEFT - 6), "y", Markup.number(y + 4), "text-anchor", "end",
                    "font-size", "10");
        }
    }
}
