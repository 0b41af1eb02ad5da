package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Known test card numbers go through the process the way the intake sends them — valid, invalid,
 * mistyped, with a forged token — and then the engine's records, every table of the database, the
 * online store and the logs are searched for them, in clear and as their unkeyed SHA-256 (the
 * fingerprint this project used to store, from which the number was recovered by brute force).
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CardDataTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String VISA = "4111111111111111";
  private static final String NINETEEN_DIGITS = "6221269876543210129";
  private static final String MISTYPED = "4111111111111112";

  @Autowired CamundaClient client;
  @Autowired CardTokenizer cards;
  @Autowired EmbeddedEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired JedisPooled redis;
  @Autowired DecisionAudit audit;

  @Test
  void noCardNumberReachesTheEngineTheDatabaseTheOnlineStoreOrTheLogs(CapturedOutput output) {
    String customer = Payments.newCustomer();
    Instant at = Instant.now().minusSeconds(5);
    Map<String, Object> visa = Payments.sent(customer, 120.0, at, "4111 1111 1111 1111");
    Map<String, Object> nineteen = Payments.sent(customer, 80.0, at, NINETEEN_DIGITS);
    Map<String, Object> noCurrency = Payments.sent(customer, 60.0, at, VISA);
    noCurrency.put("currency", "XXX");
    Map<String, Object> mistyped = Payments.sent(customer, 40.0, at, MISTYPED);
    Map<String, Object> copiedToken = cards.tokenize(Payments.sent(customer, 30.0, at, VISA));
    copiedToken.put("transactionId", "T-copied-" + copiedToken.get("transactionId"));
    Map<String, Object> chosenFingerprint = Payments.sent(customer, 20.0, at, null);
    chosenFingerprint.put("cardNumber", "411111******1111");
    chosenFingerprint.put("cardFingerprint", sha256("5555555555554444"));

    intake(visa);
    intake(nineteen);
    long noCurrencyInstance = intake(noCurrency);
    long mistypedInstance = intake(mistyped);
    long copiedInstance = start(copiedToken);
    long chosenInstance = start(chosenFingerprint);

    assertThat(decisionOf((String) visa.get("transactionId")).outcome())
        .isEqualTo(FinalOutcome.APPROVED);
    assertThat(decisionOf((String) nineteen.get("transactionId")).outcome())
        .isEqualTo(FinalOutcome.APPROVED);
    assertThat(rejectionOf(noCurrencyInstance).reason())
        .isEqualTo("currency must be an ISO 4217 currency in circulation (got 'XXX')");
    assertThat(rejectionOf(noCurrencyInstance).transactionId())
        .isEqualTo(noCurrency.get("transactionId"));
    assertThat(rejectionOf(mistypedInstance).reason()).isEqualTo("cardNumber fails the Luhn check");
    assertThat(rejectionOf(copiedInstance).reason())
        .isEqualTo(
            "cardTokenMac does not match: the masked card and its fingerprint were not tokenized by"
                + " this service for this transactionId");
    assertThat(rejectionOf(chosenInstance).reason())
        .startsWith("cardTokenMac is required with a masked cardNumber");

    List<String> needles =
        List.of(
            VISA,
            "4111 1111 1111 1111",
            NINETEEN_DIGITS,
            MISTYPED,
            sha256(VISA),
            sha256(NINETEEN_DIGITS),
            sha256(MISTYPED));
    List<String> records = engine.recordsAsJson();
    assertThat(records)
        .as("the search sees the engine's records")
        .anyMatch(r -> r.contains("411111******1111"))
        .anyMatch(r -> r.contains("622126*********0129"));
    for (String needle : needles) {
      assertThat(around(records, needle)).as("engine records holding " + needle).isEmpty();
      assertThat(tablesHolding(needle)).as("tables holding " + needle).isEmpty();
      assertThat(redisKeysHolding(needle)).as("online-store keys holding " + needle).isEmpty();
      assertThat(output.getAll()).as("the logs").doesNotContain(needle);
    }
    assertThat(tablesHolding("622126*********0129"))
        .as("the search sees the tables")
        .contains("public.card_transaction");
    assertThat(redisKeysHolding(customer)).as("the search sees the online store").isNotEmpty();
    assertThat(output.getAll())
        .as("the search sees the logs")
        .contains("Rejected the payload of process instance");
  }

  /**
   * A caller that creates the instance through the gateway with a clear number is refused: by then
   * the engine's creation record holds the number (which is why payments go through the intake),
   * and accepting it would let that integration leak every card it sends. Nothing else keeps it.
   */
  @Test
  void aClearCardNumberFromTheGatewayIsRefusedAndGoesNoFurther(CapturedOutput output) {
    String mastercard = "5555555555554444";
    Map<String, Object> payment =
        Payments.sent(Payments.newCustomer(), 10.0, Instant.now(), mastercard);

    long instance = start(payment);

    DecisionRecord rejection = rejectionOf(instance);
    assertThat(rejection.reason())
        .isEqualTo(
            "cardNumber must not arrive in clear: send the payment through POST /transactions, or tokenize"
                + " the card with CardTokenizer before starting the process");
    assertThat(rejection.transactionId()).isEqualTo(payment.get("transactionId"));
    assertThat(engine.recordsAsJson())
        .as("the creation record")
        .anyMatch(r -> r.contains(mastercard));
    assertThat(tablesHolding(mastercard)).isEmpty();
    assertThat(output.getAll())
        .contains("Rejected the payload of process instance " + instance)
        .doesNotContain(mastercard);
  }

  /**
   * Where the needle sits in each record holding it, so a failure shows the culprit, not every
   * record.
   */
  private static List<String> around(List<String> records, String needle) {
    List<String> hits = new ArrayList<>();
    for (String record : records) {
      int at = record.indexOf(needle);
      if (at >= 0) {
        hits.add(
            record.substring(0, Math.min(160, record.length()))
                + " … "
                + record.substring(Math.max(0, at - 200), Math.min(record.length(), at + 100)));
      }
    }
    return hits;
  }

  /** What the intake does: tokenize, then start the instance with the tokenized payload. */
  private long intake(Map<String, Object> sent) {
    return start(cards.tokenize(sent));
  }

  private long start(Map<String, Object> payload) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payload, "receivedAt", System.currentTimeMillis()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private DecisionRecord decisionOf(String transactionId) {
    return Eventually.get(
        "the decision on " + transactionId, WAIT, () -> audit.find(transactionId));
  }

  private DecisionRecord rejectionOf(long instance) {
    DecisionRecord decision =
        Eventually.get(
            "the rejection of instance " + instance,
            WAIT,
            () -> audit.findByProcessInstance(instance));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.REJECTED);
    return decision;
  }

  /** Every table of every schema, each row as text (all its columns, whatever their type). */
  private List<String> tablesHolding(String needle) {
    List<String> tables =
        jdbc.queryForList(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
            String.class);
    assertThat(tables).contains("public.decision_audit", "public.card_transaction");
    List<String> holding = new ArrayList<>();
    for (String table : tables) {
      Long rows =
          jdbc.queryForObject(
              "SELECT count(*) FROM " + table + " t WHERE strpos(t::text, ?) > 0",
              Long.class,
              needle);
      if (rows != null && rows > 0) {
        holding.add(table);
      }
    }
    return holding;
  }

  /** Every key of the online store whose name or content holds the needle. */
  private List<String> redisKeysHolding(String needle) {
    List<String> holding = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().count(1000));
      for (String key : page.getResult()) {
        if (key.contains(needle) || contentOf(key).contains(needle)) {
          holding.add(key);
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return holding;
  }

  private String contentOf(String key) {
    return switch (redis.type(key)) {
      case "string" -> String.valueOf(redis.get(key));
      case "hash" -> redis.hgetAll(key).toString();
      case "zset" -> redis.zrange(key, 0, -1).toString();
      case "list" -> redis.lrange(key, 0, -1).toString();
      case "set" -> redis.smembers(key).toString();
      default -> "";
    };
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
