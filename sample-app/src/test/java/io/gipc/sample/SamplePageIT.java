package io.gipc.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample's page in a real browser (headless Chromium), against the built jar: watches the live tables show the
 * render pool's two workers, one of them busy with the job and its {@code render-progress} pipe while it runs,
 * then crashes a worker, reads the HTTP 502 message, sees the worker replaced and renders again. Screenshots go to
 * {@code target/screenshots}.
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver}. Without them the test is skipped with a
 * message saying so, unless {@code sample.browser.required} is {@code true} (as in CI), where it fails.
 */
class SamplePageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    private static SampleJarProcess app;

    private static WebDriver browser;

    private static String base;

    @BeforeAll
    static void startServiceAndBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "SamplePageIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver";
            if (Boolean.getBoolean("sample.browser.required")) {
                fail(missing);
            }
            System.err.println("SKIPPED: " + missing);
            assumeTrue(false, missing);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        app = SampleJarProcess.start("--server.port=" + port);
        app.awaitStarted(STARTUP_TIMEOUT);
        base = "http://localhost:" + port;
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowserAndService() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void rendersShowsThePoolLiveThenReportsACrashedWorkerAndItsReplacement() throws IOException {
        browser.get(base + "/");
        until("the pool's two warm workers", () -> text("pools").contains("render") && workerRows() == 2);
        job(800, 600, 30000);
        browser.findElement(By.cssSelector("#job button[type=submit]")).click();

        // While the job runs, the page (refreshed every second) shows its worker busy and its open progress pipe.
        until("a busy worker in the workers table", () -> text("workers").contains("true"));
        until("the job's open render-progress pipe", () -> text("pipes").contains("render-progress"));
        assertThat(text("children")).contains("render-worker-").contains("running");
        screenshot("while-rendering");

        until("the rendered image", () -> "ok".equals(find("status").getAttribute("class")));
        WebElement image = find("image");
        assertThat(image.isDisplayed()).isTrue();
        assertThat(script("return arguments[0].complete && arguments[0].naturalWidth", image))
                .isEqualTo(800L);
        assertThat(script("return arguments[0].naturalHeight", image)).isEqualTo(600L);
        assertThat(text("status")).startsWith("rendered by render-worker-");
        until("the closed pipe counted in the totals", () -> text("pipeTotals").contains("render-progress"));
        until("the finished job counted in the pool", () -> text("pools").contains("\"success\":1"));
        screenshot("rendered");

        job(200, 200, 200);
        browser.findElement(By.id("crash")).click();
        until("the crash reported", () -> "error".equals(find("status").getAttribute("class")));
        assertThat(text("status"))
                .startsWith("502 Render worker crashed:")
                .contains("of pool 'render' died")
                .contains("The job was not completed, the service is unaffected");
        assertThat(find("image").isDisplayed()).as("the previous image stays").isTrue();
        until("the crash counted in the pool", () -> text("pools").contains("\"died\":1"));
        until(
                "the crashed worker's exit in the children table",
                () -> text("children").contains("exited"));
        until("the replacement worker", () -> workerRows() == 2);
        screenshot("crashed");

        browser.findElement(By.cssSelector("#job button[type=submit]")).click();
        until(
                "an image rendered after the crash",
                () -> "ok".equals(find("status").getAttribute("class")));
        screenshot("after-crash");
    }

    /** The rows of the workers table, its header aside. */
    private static int workerRows() {
        return Math.max(0, find("workers").findElements(By.tagName("tr")).size() - 1);
    }

    private static void job(int width, int height, int maxIterations) {
        field("width", width);
        field("height", height);
        field("maxIterations", maxIterations);
    }

    private static void field(String name, int value) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(Integer.toString(value));
    }

    private static WebElement find(String id) {
        return browser.findElement(By.id(id));
    }

    private static String text(String id) {
        return find(id).getText();
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, JOB_TIMEOUT)
                .withMessage(what)
                .pollingEvery(Duration.ofMillis(100))
                .until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("sample.screenshots", "target/screenshots"));
        Files.createDirectories(directory);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve("sample-page-" + name + ".png"), png);
    }
}
