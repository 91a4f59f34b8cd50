package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format html} and {@code --format svg} without a browser: the page is self-contained, its Gantt chart has
 * one bar per slice of the run's {@code --slices}, its numbers are the JSON report's, and the SVG file is valid XML
 * in the SVG namespace. {@link HtmlReportBrowserTest} opens the same pages in Chromium.
 */
class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    /** The run's slices from its JSON report, as the Gantt chart's tips say them: "A.A1 on cpu0: 0 to 5 ms". */
    private static List<String> slices(String... run) throws IOException {
        String[] args = java.util.Arrays.copyOf(run, run.length + 3);
        args[run.length] = "--slices";
        args[run.length + 1] = "--format";
        args[run.length + 2] = "json";
        List<String> out = new ArrayList<>();
        for (JsonNode s : JSON.readTree(Cli.run(args).out()).get("runs").get(0).get("slices")) {
            out.add(s.get("task").asText() + " on cpu" + s.get("cpu").asText() + ": " + s.get("start").asText() + " to "
                    + s.get("end").asText() + " ms");
        }
        return out;
    }

    @Test
    void aRunIsOneSelfContainedPageWithABarPerSlice() throws IOException {
        Path file = dir.resolve("r.html");
        Cli cli = Cli.run("run", "fig-2-44-user", "-s", "rr:quantum=50ms", "--format", "html", "-o", file.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        Document d = page(file);
        // Nothing from the network: no linked files, every script and style inline.
        assertThat(d.select("link, img, iframe, script[src], [href^=http], [src^=http]")).isEmpty();
        assertThat(d.select("script")).hasSize(1);
        assertThat(d.select("style")).hasSize(1);
        List<String> tips = d.select("svg.gantt rect.slice").eachAttr("data-tip").stream().map(t -> t.replaceAll(" \\(.*\\)$", "")).toList();
        assertThat(tips).isEqualTo(slices("run", "fig-2-44-user", "-s", "rr:quantum=50ms")).hasSize(24);
        // Why each slice ended: A's user-level threads switch among themselves every 5 ms (the kernel sees none of it).
        assertThat(d.select("svg.gantt rect.slice").get(0).attr("data-tip")).isEqualTo("A.A1 on cpu0: 0 to 5 ms (user-level switch to A.A2)");
        assertThat(d.select("svg.gantt rect.slice").get(9).attr("data-tip")).isEqualTo("A.A1 on cpu0: 45 to 50 ms (user-level switch to A.A2)");
        // A row per thread in the timeline, and the states of A.A2: it runs again when A comes back at 100 ms.
        assertThat(d.select("svg.gantt svg.plot.threads rect.state").eachAttr("data-tip")).contains("A.A2 running: 100 to 105 ms",
                "A.A2 ready: 50 to 100 ms", "B.B1 ready: 100 to 120 ms");
        // The summary is the run's: mean turnaround 115 ms, waiting 285 ms, response 25 ms.
        Element summary = d.selectFirst("table.summary tbody tr");
        assertThat(summary.select("td").eachText()).startsWith("rr:quantum=50ms,preferSameProcess=false", "115", "285", "25");
        // A row per process and per thread, sortable by any column.
        assertThat(d.select("table.processes tbody tr")).hasSize(8);
        assertThat(d.select("table.sortable")).hasSize(2);
        assertThat(d.select("dl.header dd").eachText()).contains("./osim run fig-2-44-user -s rr:quantum=50ms --format html -o " + file);
    }

    @Test
    void aComparisonHasABarPerPolicyAndItsDistributions() throws IOException {
        Path file = dir.resolve("c.html");
        assertThat(Cli.run("compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--format", "html", "-o", file.toString()).exit()).isZero();
        Document d = page(file);
        JsonNode json = JSON.readTree(Cli.run("compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--format", "json").out());
        assertThat(d.select("svg.chart.bars")).hasSize(8);
        for (Element chart : d.select("svg.chart.bars")) {
            assertThat(chart.select("rect.bar").eachAttr("data-policy")).containsExactly("rr", "cfs", "mlfq");
        }
        Element turnaround = d.selectFirst("svg.chart.bars[data-metric^=mean turnaround]");
        for (int i = 0; i < 3; i++) {
            assertThat(Double.parseDouble(turnaround.select("rect.bar").get(i).attr("data-value")))
                    .isCloseTo(json.get("runs").get(i).get("summary").get("meanTurnaround").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(d.select("svg.chart.ecdf")).hasSize(2);
        assertThat(d.select("svg.chart.ecdf").get(0).select("path.ecdf-line").eachAttr("data-policy")).containsExactly("rr", "cfs", "mlfq");
        assertThat(d.select("details.run")).hasSize(3);
        assertThat(d.select("table.summary tbody tr")).hasSize(3);
        // The same bytes whatever the number of jobs.
        Path two = dir.resolve("c2.html");
        assertThat(Cli.run("compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--format", "html", "-o", two.toString(), "--jobs", "2")
                .exit()).isZero();
        assertThat(Files.readString(two).replace(two + " --jobs 2", file.toString())).isEqualTo(Files.readString(file));
    }

    @Test
    void replicationsDrawTheirIntervalsAsWhiskers() throws IOException {
        Path file = dir.resolve("s.html");
        String[] args = {"compare", "mm1", "--set", "jobs=300", "-s", "fcfs", "-s", "srtn", "--replications", "5"};
        String[] html = java.util.Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--format", "html", "-o", file.toString()}, 0, html, args.length, 4);
        assertThat(Cli.run(html).exit()).isZero();
        Document d = page(file);
        assertThat(d.select("svg.chart.bars")).hasSize(8);
        assertThat(d.select("svg.chart.bars line.whisker")).hasSize(16);
        String[] json = java.util.Arrays.copyOf(args, args.length + 2);
        json[args.length] = "--format";
        json[args.length + 1] = "json";
        JsonNode study = JSON.readTree(Cli.run(json).out());
        double fcfs = study.get("studies").get(0).get("schedulers").get(0).get("metrics").get("meanTurnaround").get("mean").asDouble();
        Element bar = d.selectFirst("svg.chart.bars[data-metric^=mean turnaround] rect.bar");
        assertThat(Double.parseDouble(bar.attr("data-value"))).isCloseTo(fcfs, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.select("table.differences td.verdict").eachText()).contains("better");
    }

    @Test
    void theGanttChartAloneIsAnSvgFile() throws Exception {
        Path file = dir.resolve("g.svg");
        assertThat(Cli.run("run", "fig-2-41", "-s", "sjf", "--format", "svg", "-o", file.toString()).exit()).isZero();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document svg = f.newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        org.w3c.dom.NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<String> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            org.w3c.dom.Element r = (org.w3c.dom.Element) rects.item(i);
            if (r.getAttribute("class").equals("slice")) {
                bars.add(r.getAttribute("data-task") + " " + r.getTextContent());
            }
        }
        // Tanenbaum Fig. 2-41 under SJF: B, C, D, then A; each bar's tooltip says when.
        assertThat(bars).containsExactly("B B on cpu0: 0 to 4 ms (exited)", "C C on cpu0: 4 to 8 ms (exited)",
                "D D on cpu0: 8 to 12 ms (exited)", "A A on cpu0: 12 to 20 ms (exited)");
        assertThat(Cli.run("compare", "fig-2-41", "-s", "sjf", "-s", "fcfs", "--format", "svg").err())
                .isEqualTo("osim: --format svg draws the Gantt chart of one run: use it with osim run, or --format html for a page with every run's\n");
    }
}
