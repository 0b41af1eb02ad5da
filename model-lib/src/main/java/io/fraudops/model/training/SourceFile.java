package io.fraudops.model.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which data a model was trained on, recorded with the model: the file's name and its SHA-256, so
 * "was version 7 trained on this export?" has a definite answer long after the file was renamed.
 *
 * @param sha256 lower-case hex, or null when the rows did not come from a file (a generated
 *     history)
 */
public record SourceFile(String name, String sha256) {

  public SourceFile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
    }
  }

  public static SourceFile of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream()); // digested on the way through
    }
    return new SourceFile(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
  }
}
