package io.fraudops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The card fingerprint key of a local run: 32 random bytes, base64, generated at the first start
 * into a file only its owner can read (mode 600) and reused afterwards, so fingerprints stay the
 * same across runs. A deployment configures {@code fraud.card.fingerprint-key} instead; losing or
 * changing the key changes every card's fingerprint.
 */
public final class LocalCardKey {

  /** Where {@code ./fraud} keeps it unless {@code fraud.embedded.card.key-file} says otherwise. */
  public static final Path DEFAULT_FILE = Path.of(".data/card-fingerprint.key");

  private static final int KEY_BYTES = 32;

  private LocalCardKey() {}

  /** The key in {@code file} (base64), created first when the file does not exist. */
  public static String loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (decodedLength(key) < KEY_BYTES) {
        throw new IllegalStateException(
            file.toAbsolutePath()
                + " does not hold a base64 key of at least "
                + KEY_BYTES
                + " bytes; delete it to generate a new one (every card fingerprint changes with it)");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the card key " + file.toAbsolutePath(), e);
    }
  }

  private static void create(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      // Created with its permissions, never readable by others even for a moment.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return; // another process made it first: use theirs
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system (Windows): the folder's ACL applies
    }
    Files.writeString(
        file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
  }

  private static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
