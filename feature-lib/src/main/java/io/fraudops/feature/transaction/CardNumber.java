package io.fraudops.feature.transaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A payment card, held only as its masked form and its SHA-256 fingerprint: the full number is
 * dropped as soon as it is parsed, so no log line, toString, process variable or database row
 * built from this object can ever carry it.
 *
 * <p>A masked card (as found in {@link Transaction#toMap()}) can be read back with
 * {@link #ofMasked(String, String)}, so the normalised payload survives a second parse.
 */
public record CardNumber(String masked, String fingerprint) {

    private static final Pattern MASKED = Pattern.compile("\\d{4,6}\\*{4,9}\\d{4}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;

    public CardNumber {
        if (masked == null || !MASKED.matcher(masked).matches()) {
            throw new InvalidTransactionException("cardNumber mask must look like 411111******1111");
        }
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new InvalidTransactionException("cardFingerprint must be 64 lower-case hex characters");
        }
    }

    /** Reads a full card number; spaces and dashes are allowed as separators. */
    public static CardNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidTransactionException("cardNumber must not be blank");
        }
        String digits = raw.replace(" ", "").replace("-", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidTransactionException("cardNumber must contain only digits");
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new InvalidTransactionException(
                    "cardNumber must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits (got " + digits.length() + ")");
        }
        if (!passesLuhn(digits)) {
            throw new InvalidTransactionException("cardNumber fails the Luhn check");
        }
        return new CardNumber(mask(digits), sha256Hex(digits));
    }

    /** Rebuilds a card from an already masked payload (no full number available). */
    public static CardNumber ofMasked(String masked, String fingerprint) {
        return new CardNumber(masked, fingerprint);
    }

    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return masked;
    }

    // PCI DSS allows at most the first six and last four digits; short cards show fewer leading
    // digits so that at least four stay hidden.
    private static String mask(String digits) {
        int head = Math.min(6, digits.length() - 8);
        return digits.substring(0, head)
                + "*".repeat(digits.length() - head - 4)
                + digits.substring(digits.length() - 4);
    }

    private static String sha256Hex(String digits) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
