package io.fraudops.model.scoring;

import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** A file path, or {@code classpath:models/x.json} resolved against {@code classLoader}. */
record ModelLocation(String location, ClassLoader classLoader) {

  static final String CLASSPATH_PREFIX = "classpath:";

  ModelLocation {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(classLoader, "classLoader");
    if (location.isBlank() || location.equals(CLASSPATH_PREFIX)) {
      throw new IllegalArgumentException("model location must not be blank");
    }
  }

  boolean onClasspath() {
    return location.startsWith(CLASSPATH_PREFIX);
  }

  String fileName() {
    String path = onClasspath() ? location.substring(CLASSPATH_PREFIX.length()) : location;
    return Path.of(path).getFileName().toString();
  }

  ModelLocation sidecar() {
    return new ModelLocation(location + ModelMetadata.SIDECAR_SUFFIX, classLoader);
  }

  byte[] read() {
    try {
      if (!onClasspath()) {
        return Files.readAllBytes(Path.of(location));
      }
      String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
      try (InputStream in = classLoader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ModelLoadException(Reason.NOT_FOUND, location, "no such classpath resource");
        }
        return in.readAllBytes();
      }
    } catch (NoSuchFileException e) {
      throw new ModelLoadException(Reason.NOT_FOUND, location, "file does not exist", e);
    } catch (IOException e) {
      throw new ModelLoadException(Reason.UNREADABLE, location, "cannot read: " + e, e);
    }
  }
}
