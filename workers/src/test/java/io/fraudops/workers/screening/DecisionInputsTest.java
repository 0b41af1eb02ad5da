package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.DecisionInputs;
import io.fraudops.workers.process.ProcessVariables;
import io.fraudops.workers.process.ReasonText;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Each decision keeps what the decision table read, enough for the table to decide it again the
 * same way: what {@code ./fraud backtest} relies on to try a candidate table on recorded payments.
 */
@ApplicationTest
class DecisionInputsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;

  @Test
  void theTableDecidesARecordedPaymentAgainTheSameWayFromItsRecordedInputs() throws Exception {
    for (double amount : new double[] {120.0, 950.0}) {
      Map<String, Object> payment = Payments.payment(Payments.newCustomer(), amount);
      String id = (String) payment.get("transactionId");
      start(payment);
      DecisionRecord decision = Eventually.get("the decision on " + id, WAIT, () -> audit.find(id));

      Map<String, Object> inputs =
          JSON.readValue(decision.decisionInputsJson(), new TypeReference<>() {});
      assertThat(inputs)
          .containsKeys(
              "transactionId",
              "transaction",
              "features",
              "featuresComplete",
              "score",
              "scoreAvailable",
              "modelVersion",
              "topReasons",
              "thresholds");
      assertThat(inputs.get("featuresComplete")).isEqualTo(true);
      assertThat(map(inputs, "features"))
          .containsKeys("amount", "txn_count_1h", "speed_from_last_kmh");
      assertThat(map(inputs, "thresholds"))
          .containsEntry("review", 0.5)
          .containsEntry("decline", 0.9);
      assertThat(map(inputs, "transaction"))
          .containsEntry("amount", amount)
          .containsEntry("country", "DE");
      // No card in any form: neither the clear number nor the masked one and its fingerprint.
      assertThat(decision.decisionInputsJson())
          .doesNotContain("411111")
          .doesNotContainIgnoringCase("card");

      EvaluateDecisionResponse again =
          client
              .newEvaluateDecisionCommand()
              .decisionId("fraud-decision")
              .variables(inputs)
              .send()
              .join();
      Map<String, Object> output =
          JSON.readValue(again.getDecisionOutput(), new TypeReference<>() {});
      assertThat(output.get("outcome")).isEqualTo(decision.routedTo().name());
      assertThat(output.get("rule")).isEqualTo(decision.dmnRule());
      // The audit's reason is the table's Reason filled by the workers; the recorded inputs fill it
      // alike.
      assertThat(ReasonText.fill((String) output.get("reason"), ReasonText.facts(inputs)))
          .isEqualTo(decision.reason());
    }
  }

  @Test
  void everyProcessVariableTheTableNamesIsKeptWithTheDecision() throws Exception {
    Set<String> named = processVariablesNamedIn("decision-tables/fraud-decision.dmn");

    // The parse finds what the table is known to read, so an empty result cannot pass unnoticed.
    assertThat(named)
        .contains(
            "score", "features", "thresholds", "transaction", "featuresComplete", "topReasons");
    assertThat(DecisionInputs.NAMES)
        .as(
            "a rule reads a variable the decision record does not keep: add it to DecisionInputs, or backtests"
                + " cannot reproduce that rule")
        .containsAll(named);
  }

  @Test
  void everyValueAReasonNamesComesFromTheKeptInputs() throws Exception {
    Set<String> roots = reasonPlaceholderRootsIn("decision-tables/fraud-decision.dmn");

    assertThat(roots)
        .contains("score", "thresholds", "features", "transaction", "topReason", "degradedReason");
    // topReason is the first of topReasons (ReasonText.facts).
    Set<String> kept = new TreeSet<>(DecisionInputs.NAMES);
    kept.add("topReason");
    assertThat(kept)
        .as(
            "a Reason names a value the decision record does not keep: a backtest could not show it")
        .containsAll(roots);
  }

  @Test
  void theRecordKeepsNoCardWhateverItsFieldIsCalled() {
    DecisionInputs inputs =
        new DecisionInputs(
            "T-1",
            Map.of(
                "amount",
                10,
                "cardNumber",
                "411111******1111",
                "cardToken",
                "tok",
                "cardFingerprint",
                "ab"),
            null,
            true,
            null,
            0.1,
            true,
            "m:1",
            null,
            null);

    assertThat(inputs.transaction()).containsOnlyKeys("amount");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> inputs, String name) {
    return (Map<String, Object>) inputs.get(name);
  }

  /**
   * Root names in the table's FEEL (input expressions, input and output entries), outside string
   * literals.
   */
  private static Set<String> processVariablesNamedIn(String dmn) throws Exception {
    Document doc;
    try (InputStream in = new ClassPathResource(dmn).getInputStream()) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      doc = factory.newDocumentBuilder().parse(in);
    }
    Set<String> variables = processVariableNames();
    Set<String> named = new TreeSet<>();
    Pattern identifier = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
    for (String element : new String[] {"inputExpression", "inputEntry", "outputEntry"}) {
      NodeList nodes = doc.getElementsByTagNameNS("*", element);
      for (int i = 0; i < nodes.getLength(); i++) {
        String feel = nodes.item(i).getTextContent().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Matcher m = identifier.matcher(feel);
        while (m.find()) {
          if (variables.contains(m.group(1))) {
            named.add(m.group(1));
          }
        }
      }
    }
    return named;
  }

  /** The first name of every {@code {placeholder}} in the Reason outputs. */
  private static Set<String> reasonPlaceholderRootsIn(String dmn) throws Exception {
    Document doc;
    try (InputStream in = new ClassPathResource(dmn).getInputStream()) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      doc = factory.newDocumentBuilder().parse(in);
    }
    Set<String> roots = new TreeSet<>();
    Pattern placeholder = Pattern.compile("\\{([A-Za-z_]\\w*)[A-Za-z0-9_.]*}");
    NodeList entries = doc.getElementsByTagNameNS("*", "outputEntry");
    for (int i = 0; i < entries.getLength(); i++) {
      String id = entries.item(i).getAttributes().getNamedItem("id").getNodeValue();
      if (id.endsWith("_Reason")) {
        Matcher m = placeholder.matcher(entries.item(i).getTextContent());
        while (m.find()) {
          roots.add(m.group(1));
        }
      }
    }
    return roots;
  }

  private static Set<String> processVariableNames() {
    return Arrays.stream(ProcessVariables.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(DecisionInputsTest::value)
        .collect(Collectors.toSet());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private void start(Map<String, Object> payment) {
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join();
  }
}
