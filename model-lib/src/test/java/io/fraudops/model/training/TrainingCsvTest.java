package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingCsvTest {

  @Test
  void readsTheExportWithTimestamps() throws IOException {
    TrainingCsv.Rows rows =
        read(
            """
                amount,txn_count_1h,label,timestamp,transactionId
                12.5,0.0,0,1000,T1
                900.0,3.0,1,2000,"T,2"
                """);
    assertThat(rows.dataset().featureNames()).containsExactly("amount", "txn_count_1h");
    assertThat(rows.dataset().size()).isEqualTo(2);
    assertThat(rows.dataset().row(1)).containsExactly(900.0, 3.0);
    assertThat(rows.dataset().labels()).containsExactly(0, 1);
    assertThat(rows.timestamps()).containsExactly(1000L, 2000L);
  }

  @Test
  void readsAHandWrittenFileWithIsoInstantsMissingCellsAndWordLabels() throws IOException {
    TrainingCsv.Rows rows =
        read(
            """
                \uFEFFamount, "merchant, risk" ,label,timestamp
                12.5,,false,2025-03-02T10:00:00Z

                ,0.7,TRUE,2025-03-01T09:30:00+01:00
                3,NaN,1,1740819600000
                """);
    assertThat(rows.dataset().featureNames()).containsExactly("amount", "merchant, risk");
    assertThat(rows.dataset().row(0)[1]).isNaN();
    assertThat(rows.dataset().row(1)[0]).isNaN();
    assertThat(rows.dataset().row(2)[1]).isNaN();
    assertThat(rows.dataset().labels()).containsExactly(0, 1, 1);
    assertThat(rows.timestamps())
        .containsExactly(
            Instant.parse("2025-03-02T10:00:00Z").toEpochMilli(),
            Instant.parse("2025-03-01T08:30:00Z").toEpochMilli(),
            1_740_819_600_000L);
  }

  @Test
  void refusesAFileThatIsNotInTheSchema() {
    assertThatThrownBy(() -> read("amount,label\n1,0\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followed by [label, timestamp]");
    assertThatThrownBy(() -> read("label,timestamp\n1,5\n")).hasMessageContaining("feature names");
    assertThatThrownBy(() -> read("a,label,timestamp\n")).hasMessageContaining("no rows");
  }

  @Test
  void namesTheLineAndColumnOfABadCell() {
    assertThatThrownBy(() -> read("a,label,timestamp,transactionId\n1,0,5,T\n1,2,5,T\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("label is '2'");
    assertThatThrownBy(() -> read("a,b,label,timestamp\n1,2,0,5\n1,x,0,5\n"))
        .hasMessageContaining("line 3: b is 'x', not a number");
    assertThatThrownBy(() -> read("a,label,timestamp\n1,0,yesterday\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> read("a,label,timestamp\n1,0\n"))
        .hasMessageContaining("line 2: expected 3 columns, got 2");
    assertThatThrownBy(() -> read("a,label,timestamp\n1e300,0,5\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("fit a float");
    assertThatThrownBy(() -> read("a,label,timestamp\n\"1,0,5\n"))
        .hasMessageContaining("line 2: unterminated quote");
  }

  private static TrainingCsv.Rows read(String csv) throws IOException {
    return TrainingCsv.read(new StringReader(csv));
  }
}
