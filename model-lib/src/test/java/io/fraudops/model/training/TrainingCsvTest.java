package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TrainingCsvTest {

    @Test
    void readsTheExportWithTimestamps() throws IOException {
        TrainingCsv.Rows rows = TrainingCsv.read(new StringReader("""
                amount,txn_count_1h,label,timestamp,transactionId
                12.5,0.0,0,1000,T1
                900.0,3.0,1,2000,"T,2"
                """));
        assertThat(rows.dataset().featureNames()).containsExactly("amount", "txn_count_1h");
        assertThat(rows.dataset().size()).isEqualTo(2);
        assertThat(rows.dataset().row(1)).containsExactly(900.0, 3.0);
        assertThat(rows.dataset().labels()).containsExactly(0, 1);
        assertThat(rows.timestamps()).containsExactly(1000L, 2000L);
    }

    @Test
    void refusesAFileThatIsNotAnExport() {
        assertThatThrownBy(() -> TrainingCsv.read(new StringReader("amount,label\n1,0\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header must end with");
        assertThatThrownBy(() -> TrainingCsv.read(new StringReader("a,label,timestamp,transactionId\n1,2,5,T\n")))
                .hasMessageContaining("line 2").hasMessageContaining("label must be 0 or 1");
    }
}
