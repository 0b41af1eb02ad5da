package io.fraudops.feature.transaction;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place a clear card number is handled. It turns the number into a token that is safe to
 * keep anywhere — the engine's records, logs, the database:
 *
 * <ul>
 *   <li>{@code cardNumber}: masked, first six and last four digits at most (PCI DSS);
 *   <li>{@code cardFingerprint}: HMAC-SHA-256 of the digits under a secret key, so the same card
 *       gets the same fingerprint but nobody without the key can test candidate numbers against it
 *       (with an unkeyed hash, a 6+4 mask leaves about 10^5 Luhn-valid candidates: milliseconds);
 *   <li>{@code cardTokenMac}: HMAC-SHA-256 over {@code masked|fingerprint|transactionId}, which
 *       proves the token was made by this service for this payment. A caller can therefore not send
 *       a masked card with a fingerprint of its choosing, nor copy another payment's token.
 * </ul>
 *
 * <p>The three purposes use separate keys derived from the configured one, so a fingerprint can
 * never pass as a MAC or a digest. Rotating the key changes every fingerprint: payments before and
 * after no longer link by card. Thread-safe.
 */
public final class CardTokenizer {

  /** Shortest configured key: 256 bits, the HMAC-SHA-256 block's security level. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final Mac fingerprints;
  private final Mac tokenMacs;
  private final Mac digests;

  /**
   * @param key the secret, at least {@link #MIN_KEY_BYTES} bytes; copied, never shown
   */
  public CardTokenizer(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the card key must have at least " + MIN_KEY_BYTES + " bytes (got " + key.length + ")");
    }
    this.fingerprints = derived(key, "fraud-screening card fingerprint v1");
    this.tokenMacs = derived(key, "fraud-screening card token mac v1");
    this.digests = derived(key, "fraud-screening keyed digest v1");
  }

  /** A key as configured: standard base64 of at least {@link #MIN_KEY_BYTES} bytes. */
  public static CardTokenizer fromBase64Key(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException(
          "the card key is missing (base64 of at least "
              + MIN_KEY_BYTES
              + " random bytes, e.g. from `openssl rand -base64 32`)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // Never quote the value: it is a secret, even when malformed.
      throw new IllegalArgumentException("the card key is not valid base64");
    }
    return new CardTokenizer(key);
  }

  /**
   * The payload with its card tokenized, what the intake hands to the process. Never throws and
   * never returns a clear card number:
   *
   * <ul>
   *   <li>a clear {@code cardNumber} becomes the masked number with {@code cardFingerprint} and
   *       {@code cardTokenMac}; fingerprint and MAC the caller sent are dropped;
   *   <li>a number that is not a usable card (Luhn, length, not digits) is removed, and {@code
   *       cardNumberProblem} says why, for {@link TransactionParser} to report;
   *   <li>an already masked {@code cardNumber} is left as sent: the parser accepts it only with a
   *       {@code cardTokenMac} this tokenizer made, so tokenizing twice changes nothing;
   *   <li>without a card, stray card fields are dropped.
   * </ul>
   *
   * @return a new map; null for a null payload
   */
  public Map<String, Object> tokenize(Map<String, ?> payload) {
    if (payload == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>(payload);
    out.remove(PayloadKeys.CARD_NUMBER_PROBLEM);
    Object card = out.get(PayloadKeys.CARD_NUMBER);
    if (card instanceof String s && s.indexOf('*') >= 0) {
      return out;
    }
    out.remove(PayloadKeys.CARD_FINGERPRINT);
    out.remove(PayloadKeys.CARD_TOKEN_MAC);
    if (card == null) {
      out.remove(PayloadKeys.CARD_NUMBER);
      return out;
    }
    try {
      CardNumber token = tokenize(card);
      out.put(PayloadKeys.CARD_NUMBER, token.masked());
      out.put(PayloadKeys.CARD_FINGERPRINT, token.fingerprint());
      out.put(
          PayloadKeys.CARD_TOKEN_MAC, tokenMac(token, macId(out.get(PayloadKeys.TRANSACTION_ID))));
    } catch (InvalidTransactionException e) {
      out.remove(PayloadKeys.CARD_NUMBER);
      out.put(PayloadKeys.CARD_NUMBER_PROBLEM, e.getMessage());
    }
    return out;
  }

  /**
   * Reads one clear card number (text with optional spaces and dashes, or a whole number) and keeps
   * only its mask and keyed fingerprint. Problems never quote the number.
   */
  public CardNumber tokenize(Object clearCardNumber) {
    String digits = digitsOf(clearCardNumber);
    return new CardNumber(
        mask(digits), hex(fingerprints, digits.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The MAC that binds a token to the payment it was made for. */
  public String tokenMac(CardNumber card, String transactionId) {
    String message = "v1|" + card.masked() + "|" + card.fingerprint() + "|" + transactionId;
    return hex(tokenMacs, message.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code mac} is the MAC this tokenizer made for the card and payment (constant time).
   */
  public boolean madeThis(CardNumber card, String transactionId, String mac) {
    if (mac == null) {
      return false;
    }
    byte[] expected = tokenMac(card, transactionId).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A keyed digest (HMAC-SHA-256, hex) of arbitrary bytes, for keys and digests of payloads that
   * may hold a card number anywhere: without the key, nobody can test guesses against it.
   */
  public String keyedDigest(byte[] data) {
    return hex(digests, data);
  }

  @Override
  public String toString() {
    return "CardTokenizer[key hidden]";
  }

  /** What the MAC binds: the payload's transaction id as sent, or nothing when it is not text. */
  static String macId(Object transactionId) {
    return transactionId instanceof String id ? id : "";
  }

  private static String digitsOf(Object raw) {
    if (!(raw instanceof String
        || raw instanceof Long
        || raw instanceof Integer
        || raw instanceof BigInteger)) {
      // Never echo it: a number here may well be a real card number.
      throw new InvalidTransactionException("cardNumber must be text");
    }
    String text = raw.toString();
    if (text.isBlank()) {
      throw new InvalidTransactionException("cardNumber must not be blank");
    }
    String digits = text.replace(" ", "").replace("-", "");
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidTransactionException("cardNumber must contain only digits");
    }
    if (digits.length() < CardNumber.MIN_DIGITS || digits.length() > CardNumber.MAX_DIGITS) {
      throw new InvalidTransactionException(
          "cardNumber must have "
              + CardNumber.MIN_DIGITS
              + " to "
              + CardNumber.MAX_DIGITS
              + " digits (got "
              + digits.length()
              + ")");
    }
    if (!CardNumber.passesLuhn(digits)) {
      throw new InvalidTransactionException("cardNumber fails the Luhn check");
    }
    return digits;
  }

  // PCI DSS allows at most the first six and last four digits; short cards show fewer leading
  // digits so that at least four stay hidden. With the key secret, the 10^5 candidates a 16-digit
  // mask leaves cannot be tested; were the key to leak, showing fewer digits would not save the
  // numbers either (issuer prefixes are public), so the key is the control, not the mask.
  private static String mask(String digits) {
    int head = Math.min(6, digits.length() - 8);
    return digits.substring(0, head)
        + "*".repeat(digits.length() - head - 4)
        + digits.substring(digits.length() - 4);
  }

  private static Mac derived(byte[] key, String purpose) {
    try {
      Mac master = Mac.getInstance(HMAC);
      master.init(new SecretKeySpec(key, HMAC));
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(master.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM ships HmacSHA256", e);
    }
  }

  // A Mac is not thread-safe: each call works on a clone of the initialised prototype, which is
  // never updated itself.
  private static String hex(Mac prototype, byte[] data) {
    try {
      return HEX.formatHex(((Mac) prototype.clone()).doFinal(data));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", e);
    }
  }
}
