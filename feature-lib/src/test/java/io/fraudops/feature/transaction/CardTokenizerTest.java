package io.fraudops.feature.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.feature.testsupport.TestCards;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardTokenizerTest {

  private static final String CARD = "4111111111111111";
  private static final CardTokenizer TOKENIZER = TestCards.TOKENIZER;

  @Test
  void keepsOnlyTheMaskAndAKeyedFingerprint() {
    CardNumber card = TOKENIZER.tokenize("4111 1111-1111 1111");

    assertThat(card.masked()).isEqualTo("411111******1111");
    // HMAC-SHA-256 under the key derived for fingerprints, computed independently (Python's hmac).
    assertThat(card.fingerprint())
        .isEqualTo("463fa2610cabad8c04c34271f65ab6457e840b1693040ec2e8e6a032bd9f4609")
        .isNotEqualTo(sha256(CARD));
    assertThat(card.toString()).isEqualTo("411111******1111");
  }

  @ParameterizedTest
  @CsvSource({
    "378282246310005, 378282*****0005",
    "5555555555554444, 555555******4444",
    "4222222222222, 42222****2222",
    "6011000990139424009, 601100*********4009"
  })
  void masksEveryLengthWithAtLeastFourHiddenDigits(String digits, String masked) {
    assertThat(TOKENIZER.tokenize(digits).masked()).isEqualTo(masked);
  }

  @Test
  void sameNumberAndKeySameFingerprintOtherwiseAnother() {
    assertThat(TOKENIZER.tokenize(CARD))
        .isEqualTo(TOKENIZER.tokenize("4111-1111-1111-1111"))
        .isEqualTo(TOKENIZER.tokenize(4111111111111111L));
    assertThat(TOKENIZER.tokenize(CARD).fingerprint())
        .isNotEqualTo(TOKENIZER.tokenize("5555555555554444").fingerprint());
    assertThat(otherKey().tokenize(CARD).fingerprint())
        .isNotEqualTo(TOKENIZER.tokenize(CARD).fingerprint());
  }

  @ParameterizedTest
  @CsvSource({
    "4111111111111112, cardNumber fails the Luhn check",
    "41111111111, cardNumber must have 12 to 19 digits (got 11)",
    "41111111111111111111, cardNumber must have 12 to 19 digits (got 20)",
    "4111abcd11111111, cardNumber must contain only digits"
  })
  void rejectsWithoutEchoingTheNumber(String raw, String message) {
    assertThatThrownBy(() -> TOKENIZER.tokenize(raw))
        .isInstanceOf(InvalidTransactionException.class)
        .hasMessage(message)
        .message()
        .doesNotContain(raw);
  }

  /**
   * The attack of issue 9: a 6+4 mask leaves six unknown digits of a 16-digit card, one of them
   * fixed by the Luhn check, so 10^5 candidates. Against an unkeyed SHA-256 fingerprint one of them
   * matches; against the keyed one, nothing matches unless the key is known.
   */
  @Test
  void theMaskAndFingerprintNoLongerGiveTheNumberAway() throws Exception {
    CardNumber stored = TOKENIZER.tokenize(CARD);
    CardTokenizer guessedKey = otherKey();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    HexFormat hex = HexFormat.of();

    List<String> candidates = candidatesFor(stored.masked());
    List<String> byPlainHash = new ArrayList<>();
    List<String> byGuessedKey = new ArrayList<>();
    List<String> byTheKey = new ArrayList<>();
    for (String candidate : candidates) {
      if (hex.formatHex(sha.digest(candidate.getBytes(StandardCharsets.US_ASCII)))
          .equals(stored.fingerprint())) {
        byPlainHash.add(candidate);
      }
      if (guessedKey.tokenize(candidate).fingerprint().equals(stored.fingerprint())) {
        byGuessedKey.add(candidate);
      }
      if (TOKENIZER.tokenize(candidate).fingerprint().equals(stored.fingerprint())) {
        byTheKey.add(candidate);
      }
    }

    assertThat(candidates).hasSize(100_000).contains(CARD);
    assertThat(byPlainHash).isEmpty();
    assertThat(byGuessedKey).isEmpty();
    // Only the key opens it: keeping it secret is what protects the numbers.
    assertThat(byTheKey).containsExactly(CARD);
  }

  @Test
  void aClearCardInAPayloadBecomesATokenBoundToItsTransaction() {
    Map<String, Object> payload = payload(CARD);
    payload.put("cardFingerprint", "f".repeat(64));
    payload.put("cardTokenMac", "a".repeat(64));
    payload.put("cardNumberProblem", "cardNumber fails the Luhn check");

    Map<String, Object> tokenized = TOKENIZER.tokenize(payload);

    assertThat(tokenized)
        .containsEntry("cardNumber", "411111******1111")
        .containsEntry(
            "cardFingerprint", "463fa2610cabad8c04c34271f65ab6457e840b1693040ec2e8e6a032bd9f4609")
        .containsEntry(
            "cardTokenMac", "eb3a7fdc0ca500696fb033577b6c0a565572df0ef1812d1dc7d3051b8dbf13be")
        .containsEntry("amount", 12.5)
        .doesNotContainKey("cardNumberProblem");
    assertThat(tokenized.toString()).doesNotContain(CARD);
    assertThat(payload).containsEntry("cardNumber", CARD);
    assertThat(TOKENIZER.tokenize(tokenized)).isEqualTo(tokenized);
    CardNumber card =
        CardNumber.ofMasked("411111******1111", (String) tokenized.get("cardFingerprint"));
    assertThat(TOKENIZER.madeThis(card, "T-1", (String) tokenized.get("cardTokenMac"))).isTrue();
    assertThat(TOKENIZER.madeThis(card, "T-2", (String) tokenized.get("cardTokenMac"))).isFalse();
    assertThat(otherKey().madeThis(card, "T-1", (String) tokenized.get("cardTokenMac"))).isFalse();
  }

  @Test
  void anUnusableCardIsRemovedAndItsProblemKept() {
    Map<String, Object> tokenized = TOKENIZER.tokenize(payload("4111111111111112"));

    assertThat(tokenized)
        .doesNotContainKeys("cardNumber", "cardFingerprint", "cardTokenMac")
        .containsEntry("cardNumberProblem", "cardNumber fails the Luhn check");
    assertThat(TOKENIZER.tokenize(payload(4.111111111111111E15)))
        .containsEntry("cardNumberProblem", "cardNumber must be text")
        .doesNotContainKey("cardNumber");
  }

  @Test
  void aMaskedCardIsLeftForTheParserToCheckAndStrayCardFieldsGo() {
    Map<String, Object> forged = payload("411111******1111");
    forged.put("cardFingerprint", "f".repeat(64));
    assertThat(TOKENIZER.tokenize(forged)).isEqualTo(forged);

    Map<String, Object> noCard = payload(null);
    noCard.remove("cardNumber");
    noCard.put("cardFingerprint", "f".repeat(64));
    assertThat(TOKENIZER.tokenize(noCard)).doesNotContainKey("cardFingerprint");
    assertThat(TOKENIZER.tokenize((Map<String, ?>) null)).isNull();
  }

  @Test
  void theKeyIsCheckedAndNeverShown() {
    assertThatThrownBy(() -> CardTokenizer.fromBase64Key(" "))
        .hasMessageStartingWith("the card key is missing");
    assertThatThrownBy(() -> CardTokenizer.fromBase64Key("c2hvcnQta2V5"))
        .hasMessage("the card key must have at least 32 bytes (got 9)");
    assertThatThrownBy(() -> CardTokenizer.fromBase64Key("not base64 at all, secret!"))
        .hasMessage("the card key is not valid base64");
    assertThat(TOKENIZER.toString())
        .doesNotContain(TestCards.KEY_BASE64)
        .isEqualTo("CardTokenizer[key hidden]");
  }

  @Test
  void theKeyedDigestIsNeitherAPlainHashNorAFingerprint() {
    byte[] data = CARD.getBytes(StandardCharsets.US_ASCII);

    assertThat(TOKENIZER.keyedDigest(data))
        .hasSize(64)
        .isNotEqualTo(sha256(CARD))
        .isNotEqualTo(TOKENIZER.tokenize(CARD).fingerprint())
        .isNotEqualTo(otherKey().keyedDigest(data))
        .isEqualTo(TOKENIZER.keyedDigest(data));
  }

  private static CardTokenizer otherKey() {
    return new CardTokenizer(
        "an attacker's guess at the key, 32+ bytes".getBytes(StandardCharsets.US_ASCII));
  }

  private static Map<String, Object> payload(Object card) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("transactionId", "T-1");
    payload.put("cardNumber", card);
    payload.put("amount", 12.5);
    return payload;
  }

  /** Every Luhn-valid number behind a mask such as 411111******1111. */
  private static List<String> candidatesFor(String masked) {
    int from = masked.indexOf('*');
    int to = masked.lastIndexOf('*') + 1;
    char[] digits = masked.toCharArray();
    List<String> candidates = new ArrayList<>();
    for (int i = 0, limit = (int) Math.pow(10, to - from); i < limit; i++) {
      for (int p = to - 1, rest = i; p >= from; p--, rest /= 10) {
        digits[p] = (char) ('0' + rest % 10);
      }
      String candidate = new String(digits);
      if (CardNumber.passesLuhn(candidate)) {
        candidates.add(candidate);
      }
    }
    return candidates;
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
