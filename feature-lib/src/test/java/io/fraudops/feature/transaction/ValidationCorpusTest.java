package io.fraudops.feature.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fraudops.feature.testsupport.TestCards;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payment rule as data ({@code validation-corpus.json}): what a caller sent, whether it is
 * accepted, and the exact message when not. The intake path tokenizes the card first, as {@code
 * POST /transactions} does; the gateway path gives the parser what a caller put into the process
 * directly.
 */
class ValidationCorpusTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final TransactionParser parser = TestCards.parser(Clock.fixed(NOW, ZoneOffset.UTC));

  record Case(String name, JsonNode spec) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (JsonNode spec : corpus().get("cases")) {
      cases.add(new Case(spec.get("case").asText(), spec));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseHasItsOutcomeAndExactMessage(Case c) {
    JsonNode spec = c.spec();
    Map<String, Object> sent = basePayload();
    for (JsonNode key : spec.path("remove")) {
      sent.remove(key.asText());
    }
    sent.putAll(values(spec.path("set")));
    Map<String, Object> payload =
        "gateway".equals(spec.path("path").asText("intake"))
            ? sent
            : TestCards.TOKENIZER.tokenize(sent);
    values(spec.path("forge"))
        .forEach(
            (key, value) -> {
              if (value == null) {
                payload.remove(key);
              } else {
                payload.put(key, value);
              }
            });
    Object receivedAt = spec.has("receivedAt") ? value(spec.get("receivedAt")) : null;

    if ("accepted".equals(spec.get("outcome").asText())) {
      Transaction tx = parser.parse(payload, receivedAt);
      if (spec.has("masked")) {
        assertThat(tx.card().masked()).isEqualTo(spec.get("masked").asText());
      }
    } else {
      InvalidTransactionException e =
          catchThrowableOfType(
              InvalidTransactionException.class, () -> parser.parse(payload, receivedAt));
      assertThat(e).as("rejected").isNotNull();
      assertThat(e.getMessage()).isEqualTo(spec.get("message").asText());
      assertThat(e.getMessage())
          .doesNotContain("4111111111111111", "4111111111111112", "6011000990139424009");
    }
  }

  @Test
  void theCorpusCoversAtLeastFortyCasesOfBothOutcomes() throws IOException {
    List<String> outcomes = new ArrayList<>();
    corpus().get("cases").forEach(c -> outcomes.add(c.get("outcome").asText()));

    assertThat(outcomes).hasSizeGreaterThanOrEqualTo(40).contains("accepted", "rejected");
    assertThat(outcomes).allMatch(o -> o.equals("accepted") || o.equals("rejected"));
  }

  private static JsonNode corpus() throws IOException {
    try (InputStream in =
        ValidationCorpusTest.class.getResourceAsStream("validation-corpus.json")) {
      return JSON.readTree(in);
    }
  }

  private static Map<String, Object> basePayload() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("transactionId", "T-1");
    payload.put("customerId", "C-1");
    payload.put("cardNumber", "4111111111111111");
    payload.put("amount", 25.5);
    payload.put("currency", "USD");
    payload.put("merchantId", "M-1");
    payload.put("merchantCategory", "grocery");
    payload.put("country", "US");
    payload.put("latitude", 40.7128);
    payload.put("longitude", -74.006);
    payload.put("channel", "POS");
    payload.put("timestamp", "2025-03-01T11:59:00Z");
    return payload;
  }

  private static Map<String, Object> values(JsonNode object) {
    Map<String, Object> values = new LinkedHashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
    return values;
  }

  /** The Java value a JSON mapper hands a worker: Integer, Long, Double, String or null. */
  private static Object value(JsonNode node) {
    return JSON.convertValue(node, Object.class);
  }
}
