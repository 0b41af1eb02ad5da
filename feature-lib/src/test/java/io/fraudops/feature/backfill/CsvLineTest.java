package io.fraudops.feature.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLineTest {

  @Test
  void splitsPlainAndQuotedFieldsKeepingEmptyOnes() {
    assertThat(CsvLine.split("a,,\"b, c\",\"say \"\"hi\"\"\","))
        .containsExactly("a", "", "b, c", "say \"hi\"", "");
    assertThat(CsvLine.split("")).containsExactly("");
  }

  @Test
  void refusesBrokenQuoting() {
    assertThatThrownBy(() -> CsvLine.split("a,\"b")).hasMessage("unterminated quoted field");
    assertThatThrownBy(() -> CsvLine.split("a,\"b\"c")).hasMessage("text after a closing quote");
    assertThatThrownBy(() -> CsvLine.split("a,b\"c")).hasMessage("quote inside an unquoted field");
  }

  @Test
  void quotesOnlyWhatNeedsIt() {
    assertThat(CsvLine.quote("plain")).isEqualTo("plain");
    assertThat(CsvLine.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvLine.split(CsvLine.quote("x \"y\", z"))).containsExactly("x \"y\", z");
  }
}
