package io.fraudops.model.registry;

import java.util.Objects;

/**
 * A bucket and key, written {@code s3://bucket/key}: the form MLflow records as a version's source.
 */
record S3Location(String bucket, String key) {

  private static final String SCHEME = "s3://";

  S3Location {
    if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
      throw new IllegalArgumentException("bad bucket '" + bucket + "'");
    }
    Objects.requireNonNull(key, "key");
    key = key.replaceAll("^/+|/+$", "");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }

  static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not an s3:// URI: " + uri);
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash < 1) {
      throw new IllegalArgumentException("s3 URI without a key: " + uri);
    }
    return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  S3Location child(String name) {
    return new S3Location(bucket, key + "/" + name);
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
