package io.fraudops.feature.testsupport;

import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Clock;

/** The card key of the tests (32 bytes, base64); a deployment's comes from its configuration. */
public final class TestCards {

  public static final String KEY_BASE64 = "ZnJhdWQtc2NyZWVuaW5nIHRlc3QgY2FyZCBrZXkgMDE=";
  public static final CardTokenizer TOKENIZER = CardTokenizer.fromBase64Key(KEY_BASE64);

  private TestCards() {}

  /** A parser on this clock, with the default earliest timestamp and the test key. */
  public static TransactionParser parser(Clock clock) {
    return new TransactionParser(clock, TransactionParser.DEFAULT_EARLIEST_TIMESTAMP, TOKENIZER);
  }
}
