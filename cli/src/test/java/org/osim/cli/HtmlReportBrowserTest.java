package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real browser: headless Chromium through WebDriver opens it from {@code file://} with no console
 * error, and the page does what it says: a bar per slice, a tooltip on hover, columns that sort, charts with a bar per
 * policy, zoom. Without Chromium and its driver (the Debian packages {@code chromium} and {@code chromium-driver}) the
 * tests are skipped, saying what is missing; {@link HtmlReportTest} checks the same pages without a browser.
 */
class HtmlReportBrowserTest {
    private static WebDriver browser;

    @TempDir
    static Path dir;

    private static Optional<Path> find(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @BeforeAll
    static void openBrowser() {
        Optional<Path> chromium = find("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> driver = find("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), () -> "browser tests skipped: no "
                + (chromium.isEmpty() ? "Chromium" : "chromedriver") + " found (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(Path file) {
        browser.get(file.toUri().toString());
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("console errors of " + file).isEmpty();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void aRunReportWorksInTheBrowser() {
        Path file = dir.resolve("run.html");
        assertThat(Cli.run("run", "fig-2-44-user", "-s", "rr:quantum=50ms", "--format", "html", "-o", file.toString()).exit()).isZero();
        open(file);
        assertThat(browser.getCurrentUrl()).startsWith("file:");
        // One bar per slice (24, as --slices gives), each drawn with a width.
        assertThat(browser.findElements(By.cssSelector("svg.gantt svg.plot.cpus rect.slice"))).hasSize(24);
        assertThat((Long) js("return Array.from(document.querySelectorAll('rect.slice'))"
                + ".filter(r => r.getBoundingClientRect().width > 0).length")).isEqualTo(24);

        // Hovering a bar shows its tooltip.
        WebElement bar = browser.findElements(By.cssSelector("rect.slice")).get(1);
        WebElement tip = browser.findElement(By.id("tip"));
        assertThat(tip.isDisplayed()).isFalse();
        new Actions(browser).moveToElement(bar).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> tip.isDisplayed());
        assertThat(tip.getText()).isEqualTo("A.A2 on cpu0: 5 to 10 ms (user-level switch to A.A3)");

        // Clicking a column header sorts the table by it, numbers as numbers; again, the other way.
        WebElement response = browser.findElements(By.cssSelector("table.processes th")).stream()
                .filter(th -> th.getText().equals("response")).findFirst().orElseThrow();
        response.click();
        assertThat(column("table.processes", 0)).containsExactly("A", "A.A1", "A.A2", "A.A3", "B", "B.B1", "B.B2", "B.B3");
        assertThat(column("table.processes", 6)).containsExactly("0", "0", "5", "10", "50", "50", "55", "60");
        response.click();
        assertThat(column("table.processes", 6)).containsExactly("60", "55", "50", "50", "10", "5", "0", "0");
        WebElement process = browser.findElements(By.cssSelector("table.processes th")).get(0);
        process.click();
        assertThat(column("table.processes", 0)).containsExactly("A", "A.A1", "A.A2", "A.A3", "B", "B.B1", "B.B2", "B.B3");

        // Zoom in halves the window of time every plot shows, and the axis follows; reset shows it all again.
        browser.findElement(By.cssSelector("button[data-zoom=in]")).click();
        assertThat(js("return document.querySelector('svg.plot.cpus').getAttribute('viewBox')")).isEqualTo("25000 0 50000 24");
        assertThat(js("return document.querySelector('svg.plot.threads').getAttribute('viewBox')")).asString().startsWith("25000 0 50000 ");
        assertThat((String) js("return Array.from(document.querySelectorAll('g.axis text')).map(t => t.textContent).join(' ')"))
                .isEqualTo("30 40 50 60 70 80 90 ms");
        browser.findElement(By.cssSelector("button[data-zoom=reset]")).click();
        assertThat(js("return document.querySelector('svg.plot.cpus').getAttribute('viewBox')")).isEqualTo("0 0 100000 24");
    }

    @Test
    void aComparisonReportHasABarPerPolicy() {
        Path file = dir.resolve("compare.html");
        assertThat(Cli.run("compare", "mixed", "-s", "rr", "-s", "cfs", "-s", "mlfq", "--format", "html", "-o", file.toString()).exit()).isZero();
        open(file);
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart.bars"));
        assertThat(charts).hasSize(8);
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(3);
        }
        assertThat(browser.findElements(By.cssSelector("svg.chart.ecdf path.ecdf-line"))).hasSize(6);
        // Each run's schedule opens on demand, its bars drawn once shown.
        WebElement details = browser.findElements(By.cssSelector("details.run summary")).get(1);
        details.click();
        assertThat((Long) js("return Array.from(document.querySelectorAll('details.run')[1].querySelectorAll('rect.slice'))"
                + ".filter(r => r.getBoundingClientRect().width > 0).length")).isPositive();
        WebElement bar = charts.get(0).findElements(By.cssSelector("rect.bar")).get(1);
        new Actions(browser).moveToElement(bar).perform();
        WebElement tip = browser.findElement(By.id("tip"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> tip.isDisplayed());
        assertThat(tip.getText()).startsWith("cfs: ");
    }

    private static List<String> column(String table, int col) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).get(col).getText()).toList();
    }
}
