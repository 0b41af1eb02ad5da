package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {

  @Test
  void recordsTheFileNameAndTheSha256OfItsBytes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("export.csv"), "abc");

    SourceFile source = SourceFile.of(file);

    assertThat(source.name()).isEqualTo("export.csv");
    assertThat(source.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThatThrownBy(() -> new SourceFile("x", "ABC")).hasMessageContaining("64 lower-case hex");
  }
}
