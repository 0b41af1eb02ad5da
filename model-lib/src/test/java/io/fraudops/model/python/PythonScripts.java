package io.fraudops.model.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The Python scripts the tests run, kept as test resources under {@code python/}. */
public final class PythonScripts {

  private PythonScripts() {}

  /** Copies {@code python/<name>} into {@code dir} and returns the copy's path. */
  public static Path copy(String name, Path dir) {
    try (InputStream in =
        PythonScripts.class.getClassLoader().getResourceAsStream("python/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource python/" + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
