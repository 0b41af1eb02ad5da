package io.fraudops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.TestUsers;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.RoutedOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst completes a review on the review page in headless Chromium: the page lists the pending
 * reviews highest priority first, renders the review form with form-js from the variables the
 * process carries, refuses an empty answer, and completes the review through {@code POST
 * /reviews/{key}}; the decision reaches the audit under the analyst who authenticated. The browser
 * authenticates as a person's browser does after its Basic login: every request of the page (the
 * page, its files, its API calls) carries the analyst's credentials, here set through the DevTools
 * protocol, since a headless browser shows no login dialog. Screenshots go to {@code
 * target/review-page/}.
 */
@ApplicationTest
class ReviewPageBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String COMMENT =
      "Customer confirmed by phone that the card was stolen; declining.";
  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;
  @Autowired ReviewInbox inbox;

  @BeforeAll
  static void startChromium() {
    Chromium.ensureInstalled();
    browser = Chromium.start();
    String basic = TestUsers.ANALYST + ":" + TestUsers.password(TestUsers.ANALYST);
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of(
            "headers",
            Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))));
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAnalystDeclinesTheRiskiestReviewOnThePage() throws Exception {
    // A grey score (0.5) and an impossible journey with a low score: the grey one is riskier.
    String traveller = Payments.newCustomer();
    Map<String, Object> berlin = Payments.payment(traveller, 40.0, Instant.now().minusSeconds(600));
    start(berlin);
    Eventually.get(
        "the first payment decided", WAIT, () -> audit.find((String) berlin.get("transactionId")));
    Map<String, Object> newYork =
        Payments.payment(traveller, 45.0, Instant.now().minusSeconds(300));
    newYork.put("latitude", 40.71);
    newYork.put("longitude", -74.01);
    long travelInstance = start(newYork);
    Map<String, Object> grey = Payments.payment(Payments.newCustomer(), 700.0);
    long greyInstance = start(grey);
    String greyId = (String) grey.get("transactionId");
    String travelId = (String) newYork.get("transactionId");
    assertThat(reviewOf(travelInstance).rule()).isEqualTo("IMPOSSIBLE_TRAVEL");
    PendingReview greyReview = reviewOf(greyInstance);
    assertThat(greyReview.rule()).isEqualTo("SCORE_ELEVATED");

    browser.get("http://localhost:" + port + "/review");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(
        d ->
            !d.findElements(By.cssSelector("tr[data-transaction-id='" + travelId + "']"))
                .isEmpty());
    List<String> listed =
        browser.findElements(By.cssSelector("#reviews tbody tr")).stream()
            .map(r -> r.getDomAttribute("data-transaction-id"))
            .toList();
    assertThat(greyReview.priority()).isGreaterThan(reviewOf(travelInstance).priority());
    assertThat(listed.indexOf(greyId))
        .as("highest priority first: %s", listed)
        .isLessThan(listed.indexOf(travelId));
    screenshot("1-inbox");

    browser.findElement(By.cssSelector("tr[data-transaction-id='" + greyId + "'] button")).click();
    wait.until(
        d ->
            d.findElement(By.id("task")).isDisplayed()
                && !d.findElements(By.cssSelector(".fjs-form-field-radio")).isEmpty());
    screenshot("2-form");
    String form = browser.findElement(By.id("form")).getText();
    assertThat(form)
        .contains("Review payment " + greyId)
        .contains("700")
        .contains("411111******1111")
        .contains("Rule SCORE_ELEVATED")
        // The reason as the workers composed it from the table's Reason, not its {placeholders}.
        .contains(greyReview.reason())
        .contains("Model score 0.5 between the review threshold 0.5 and the decline threshold 0.9")
        .contains("Model score: 0.500")
        .doesNotContain("4111111111111111")
        .doesNotContain("{{")
        .doesNotContain("{score}")
        .doesNotContain("⚠");
    // The top reasons table shows only when the model named features that raised the score (the
    // form hides
    // an empty one); the features table always.
    List<WebElement> tables = browser.findElements(By.cssSelector(".fjs-form-field-table"));
    List<Map<String, Object>> reasons = greyReview.topReasons();
    assertThat(tables).hasSize(reasons.isEmpty() ? 1 : 2);
    if (!reasons.isEmpty()) {
      assertThat(tables.get(0).getText()).contains(String.valueOf(reasons.get(0).get("feature")));
    }
    assertThat(tables.get(tables.size() - 1).getText())
        .contains("txn_count_1h")
        .contains("speed_from_last_kmh");

    browser.findElement(By.id("complete")).click();
    wait.until(d -> d.findElement(By.id("task-error")).getText().contains("Choose a decision"));
    assertThat(browser.findElements(By.cssSelector(".fjs-form-field-error"))).isNotEmpty();
    assertThat(audit.find(greyId)).isEmpty();

    browser.findElement(By.xpath("//label[contains(., 'Decline the payment')]")).click();
    browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea")).sendKeys(COMMENT);
    screenshot("3-filled");
    browser.findElement(By.id("complete")).click();
    wait.until(
        d -> d.findElement(By.id("notice")).getText().contains("Declined payment " + greyId));
    assertThat(browser.findElement(By.id("notice")).getText())
        .contains("recorded as " + TestUsers.ANALYST + "'s");
    screenshot("4-completed");

    DecisionRecord decision =
        Eventually.get("the analyst's decision", WAIT, () -> audit.find(greyId));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decision.routedTo()).isEqualTo(RoutedOutcome.REVIEW);
    assertThat(decision.reviewComment()).isEqualTo(COMMENT);
    // No analyst is sent from the page: who decided comes from the authentication.
    assertThat(decision.decidedBy()).isEqualTo(TestUsers.ANALYST);
    wait.until(
        d -> d.findElements(By.cssSelector("tr[data-transaction-id='" + greyId + "']")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("tr[data-transaction-id='" + travelId + "']")))
        .hasSize(1);

    List<String> problems =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::toString)
            .toList();
    assertThat(problems).as("browser console").isEmpty();
  }

  private long start(Map<String, Object> payment) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private PendingReview reviewOf(long instance) {
    return Eventually.get(
        "a review of instance " + instance,
        WAIT,
        () -> inbox.pending().stream().filter(r -> r.processInstanceKey() == instance).findFirst());
  }

  private static void screenshot(String name) throws java.io.IOException {
    Path dir = Path.of("target/review-page");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
