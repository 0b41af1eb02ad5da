package io.fraudops.workers.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display text of a decision: the table's Reason cell with its {@code {name}} placeholders
 * filled from the payment's values. The risk owner writes plain text in Modeler (no FEEL string
 * building, which hid the rules); the numbers are formatted here, once, for the audit, the ledger,
 * the answer and the review.
 *
 * <p>Placeholders are dotted paths into {@link #facts}: {@code score}, {@code thresholds.review},
 * {@code thresholds.decline}, {@code transaction.amount}, {@code transaction.currency}, {@code
 * features.<feature>}, {@code topReason}, {@code degradedReason}. A part in {@code [brackets]} is
 * left out when a value inside it is unknown; an unknown placeholder outside brackets stays as
 * written, so a misspelt name shows in a backtest instead of vanishing.
 */
public final class ReasonText {

  private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

  /** The payment's fields a reason may name ({@code transaction.<field>}). */
  private static final List<String> TRANSACTION_FACTS =
      List.of("amount", "currency", "merchantId", "merchantCategory", "country");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");

  private ReasonText() {}

  /** The template with its placeholders filled; null or blank becomes "". */
  public static String fill(String template, Map<String, Object> facts) {
    if (template == null || template.isBlank()) {
      return "";
    }
    Matcher optional = OPTIONAL.matcher(template);
    StringBuilder text = new StringBuilder();
    while (optional.find()) {
      String part = optional.group(1);
      String filled = allKnown(part, facts) ? replace(part, facts) : "";
      optional.appendReplacement(text, Matcher.quoteReplacement(filled));
    }
    optional.appendTail(text);
    return replace(text.toString(), facts).trim();
  }

  /**
   * What a reason may name, from the variables the decision table read.
   *
   * @param topReasons the score's reason codes, strongest first ({@code feature} of the first is
   *     {@code topReason})
   */
  public static Map<String, Object> facts(
      Double score,
      Map<String, ?> thresholds,
      Map<String, ?> features,
      ScreenedPayment transaction,
      List<Map<String, Object>> topReasons,
      String degradedReason) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("score", score);
    facts.put("thresholds", thresholds);
    facts.put("features", features);
    if (transaction != null) {
      Map<String, Object> tx = new HashMap<>();
      tx.put("amount", transaction.amount());
      tx.put("currency", transaction.currency());
      tx.put("merchantId", transaction.merchantId());
      tx.put("merchantCategory", transaction.merchantCategory());
      tx.put("country", transaction.country());
      facts.put("transaction", tx);
    }
    if (topReasons != null && !topReasons.isEmpty() && topReasons.getFirst() != null) {
      facts.put("topReason", topReasons.getFirst().get("feature"));
    }
    facts.put("degradedReason", degradedReason);
    return facts;
  }

  /**
   * The same facts from process variables held as a map, such as the inputs recorded with a
   * decision ({@link DecisionInputs}): a backtest's reasons then read as the live ones did. Only
   * the payment fields the other form offers are taken, so a placeholder never fills in one and not
   * in the other.
   */
  public static Map<String, Object> facts(Map<String, ?> variables) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("score", variables.get("score"));
    facts.put("thresholds", variables.get("thresholds"));
    facts.put("features", variables.get("features"));
    if (variables.get("transaction") instanceof Map<?, ?> payment) {
      Map<String, Object> tx = new HashMap<>();
      for (String field : TRANSACTION_FACTS) {
        tx.put(field, payment.get(field));
      }
      facts.put("transaction", tx);
    }
    if (variables.get("topReasons") instanceof List<?> reasons
        && !reasons.isEmpty()
        && reasons.getFirst() instanceof Map<?, ?> first) {
      facts.put("topReason", first.get("feature"));
    }
    facts.put("degradedReason", variables.get("degradedReason"));
    return facts;
  }

  /** The decision's display text: its reason filled, or its rule when the table gave no reason. */
  public static String of(DmnDecision decision, Map<String, Object> facts) {
    if (decision == null) {
      return null;
    }
    String text = fill(decision.reason(), facts);
    return text.isEmpty() ? decision.rule() : text;
  }

  private static boolean allKnown(String part, Map<String, Object> facts) {
    Matcher placeholder = PLACEHOLDER.matcher(part);
    while (placeholder.find()) {
      if (value(placeholder.group(1), facts) == null) {
        return false;
      }
    }
    return true;
  }

  private static String replace(String text, Map<String, Object> facts) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      Object value = value(placeholder.group(1), facts);
      String shown = value == null ? placeholder.group() : format(value);
      placeholder.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  private static Object value(String path, Map<String, Object> facts) {
    Object current = facts;
    for (String name : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(name);
    }
    return current instanceof Map<?, ?> ? null : current;
  }

  /**
   * Whole numbers as they are; others to 2 decimals below 100 and none above (a speed, not a
   * score).
   */
  static String format(Object value) {
    if (!(value instanceof Number number)) {
      return String.valueOf(value);
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    int scale = decimal.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : 2;
    BigDecimal rounded =
        decimal.setScale(Math.min(scale, Math.max(decimal.scale(), 0)), RoundingMode.HALF_UP);
    return rounded.stripTrailingZeros().toPlainString();
  }
}
