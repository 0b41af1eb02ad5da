package io.fraudops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCardKeyTest {

  @TempDir Path dir;

  @Test
  void generatesA32ByteKeyOnlyItsOwnerCanReadAndKeepsIt() throws Exception {
    Path file = dir.resolve(".data/card-fingerprint.key");

    String first = LocalCardKey.loadOrCreate(file);

    assertThat(Base64.getDecoder().decode(first)).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(LocalCardKey.loadOrCreate(file)).isEqualTo(first);
    assertThat(LocalCardKey.loadOrCreate(dir.resolve("other.key"))).isNotEqualTo(first);
  }

  @Test
  void refusesAFileThatHoldsNoUsableKeyWithoutShowingIt() throws Exception {
    Path file = dir.resolve("card-fingerprint.key");
    Files.writeString(file, "c2hvcnQ=");

    assertThatThrownBy(() -> LocalCardKey.loadOrCreate(file))
        .hasMessageContaining("does not hold a base64 key of at least 32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }
}
