package io.fraudops.feature.transaction;

import java.util.regex.Pattern;

/**
 * Quotes a rejected value back to the sender. A card number pasted into the wrong field must not leak
 * into an error message, so any long run of digits is masked, and values are cut short so a hostile
 * payload cannot flood the logs.
 */
final class Echo {

    private static final Pattern CARD_LIKE = Pattern.compile("(?:\\d[ -]?){11,}\\d");
    private static final int MAX_LENGTH = 40;

    private Echo() {
    }

    static String quote(Object value) {
        return "'" + plain(value) + "'";
    }

    static String plain(Object value) {
        String text = String.valueOf(value);
        text = CARD_LIKE.matcher(text).replaceAll("<digits removed>");
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH) + "…";
        }
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
