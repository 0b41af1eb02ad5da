package io.fraudops.feature.synthetic;

import java.util.Random;

/** Makes Luhn-valid 16-digit card numbers on common Visa and Mastercard prefixes. */
final class CardNumbers {

    private static final String[] PREFIXES = {"4", "4", "4", "51", "52", "53", "54", "55"};

    private CardNumbers() {
    }

    static String next(Random random) {
        StringBuilder digits = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        while (digits.length() < 15) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    static char checkDigit(CharSequence first15) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = first15.length() - 1; i >= 0; i--) {
            int d = first15.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
