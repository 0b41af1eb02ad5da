package io.fraudops.workers.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (packages {@code chromium} and {@code
 * chromium-driver}; {@code CHROMIUM} and {@code CHROMEDRIVER} point elsewhere). Missing packages
 * are installed, so that a fresh CI machine runs the browser tests instead of skipping them; where
 * that is not possible the test fails and says what to install.
 */
final class Chromium {

  static final Path BROWSER =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  static synchronized void ensureInstalled() {
    if (installed()) {
      return;
    }
    List<String> sudo =
        "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
    StringBuilder log = new StringBuilder();
    run(sudo, log, "apt-get", "update", "-qq");
    run(sudo, log, "apt-get", "install", "-y", "-qq", "chromium", "chromium-driver");
    if (!installed()) {
      throw new AssertionError(
          "The browser test needs Debian's chromium and chromium-driver ("
              + BROWSER
              + ", "
              + DRIVER
              + ") and could"
              + " not install them; run: apt-get install chromium chromium-driver\n"
              + log);
    }
  }

  /**
   * A headless browser that reaches only this machine: no updates, sync or other background
   * traffic.
   */
  static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1100,1500",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  private static void run(List<String> prefix, StringBuilder log, String... command) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(command));
    try {
      Path output = Files.createTempFile("apt-get", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      boolean ended = process.waitFor(15, TimeUnit.MINUTES);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String text = Files.readString(output);
      Files.deleteIfExists(output);
      log.append("$ ")
          .append(String.join(" ", all))
          .append(ended ? " (exit " + process.exitValue() + ")\n" : " (stopped after 15 minutes)\n")
          .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
    } catch (IOException e) {
      log.append("$ ")
          .append(String.join(" ", all))
          .append(": ")
          .append(e.getMessage())
          .append('\n');
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while installing chromium", e);
    }
  }
}
