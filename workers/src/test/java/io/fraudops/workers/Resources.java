package io.fraudops.workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test-classpath files as bytes (model files and sidecars to register). */
public final class Resources {

  private Resources() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
