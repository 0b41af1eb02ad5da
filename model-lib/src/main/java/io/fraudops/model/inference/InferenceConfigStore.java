package io.fraudops.model.inference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the inference configuration is kept: one object whose every change is a new version.
 * Adapter: {@link S3InferenceConfigStore} (a versioned bucket in MinIO, S3 or the embedded store).
 */
public interface InferenceConfigStore {

  /** One stored version of the configuration, as written. */
  record Revision(String versionId, Instant modifiedAt, byte[] json) {}

  /** One entry of the history, newest first. */
  record RevisionInfo(String versionId, Instant modifiedAt, boolean latest) {}

  /** The newest version; empty when none was ever written. */
  Optional<Revision> latest();

  /** A given version; empty when it does not exist. */
  Optional<Revision> revision(String versionId);

  /** Every version, newest first. */
  List<RevisionInfo> history();

  /**
   * Stores {@code json} as the newest version after reading it as an {@link InferenceConfig}, so an
   * unparseable file never reaches the store (checks against the registry and catalogue happen when
   * the workers load it).
   *
   * @return the new version id
   * @throws InvalidInferenceConfigException when the JSON is not a valid configuration
   */
  String publish(byte[] json);

  /**
   * Rolls back: writes the content of an earlier version as the newest, so every worker following
   * the latest version serves it again and the history shows the rollback.
   *
   * @return the new version id
   * @throws IllegalArgumentException when the version does not exist
   */
  default String restore(String versionId) {
    Revision earlier =
        revision(versionId)
            .orElseThrow(
                () -> new IllegalArgumentException("no inference config version " + versionId));
    return publish(earlier.json());
  }
}
