package io.fraudops.feature.transaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardNumberTest {

    @Test
    void keepsOnlyTheMaskAndTheFingerprint() {
        CardNumber card = CardNumber.parse("4111 1111-1111 1111");

        assertThat(card.masked()).isEqualTo("411111******1111");
        assertThat(card.fingerprint()).isEqualTo("9bbef19476623ca56c17da75fd57734dbf82530686043a6e491c6d71befe8f6e");
        assertThat(card.toString()).isEqualTo("411111******1111").doesNotContain("4111111111111111");
    }

    @ParameterizedTest
    @CsvSource({
            "378282246310005, 378282*****0005",
            "5555555555554444, 555555******4444",
            "4222222222222, 42222****2222",
            "6011000990139424009, 601100*********4009"})
    void masksEveryLengthWithAtLeastFourHiddenDigits(String digits, String masked) {
        assertThat(CardNumber.parse(digits).masked()).isEqualTo(masked);
    }

    @Test
    void sameNumberSameFingerprintDifferentNumberDifferentFingerprint() {
        assertThat(CardNumber.parse("4111111111111111")).isEqualTo(CardNumber.parse("4111-1111-1111-1111"));
        assertThat(CardNumber.parse("4111111111111111").fingerprint())
                .isNotEqualTo(CardNumber.parse("5555555555554444").fingerprint());
    }

    @ParameterizedTest
    @CsvSource({
            "4111111111111112, cardNumber fails the Luhn check",
            "41111111111, cardNumber must have 12 to 19 digits (got 11)",
            "41111111111111111111, cardNumber must have 12 to 19 digits (got 20)",
            "4111abcd11111111, cardNumber must contain only digits"})
    void rejectsWithoutEchoingTheNumber(String raw, String message) {
        assertThatThrownBy(() -> CardNumber.parse(raw))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessage(message)
                .message().doesNotContain(raw);
    }

    @Test
    void aMaskedCardNeedsARealFingerprint() {
        assertThatThrownBy(() -> CardNumber.ofMasked("411111******1111", "not-a-hash"))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining("cardFingerprint");
        assertThatThrownBy(() -> CardNumber.ofMasked("4111111111111111", "a".repeat(64)))
                .hasMessageContaining("mask");
    }
}
