package io.fraudops.model.inference;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration as one object in a bucket with versioning on: S3 keeps every version, so
 * history and rollback need no bookkeeping of ours. Works with MinIO, S3 and the embedded store
 * alike.
 */
public final class S3InferenceConfigStore implements InferenceConfigStore {

  private final MinioClient client;
  private final String bucket;
  private final String key;

  public S3InferenceConfigStore(MinioClient client, String bucket, String key) {
    this.client = Objects.requireNonNull(client, "client");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public Optional<Revision> latest() {
    return get(null);
  }

  @Override
  public Optional<Revision> revision(String versionId) {
    if (versionId == null || versionId.isBlank()) {
      throw new IllegalArgumentException("versionId must not be blank");
    }
    return get(versionId);
  }

  @Override
  public List<RevisionInfo> history() {
    List<RevisionInfo> out = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder().bucket(bucket).prefix(key).includeVersions(true).build())) {
        Item item = result.get();
        if (item.objectName().equals(key) && !item.isDeleteMarker()) {
          out.add(
              new RevisionInfo(item.versionId(), item.lastModified().toInstant(), item.isLatest()));
        }
      }
    } catch (Exception e) {
      throw failure("list versions of", e);
    }
    // Newest first; the latest flag breaks ties of equal timestamps.
    out.sort(
        Comparator.comparing(RevisionInfo::modifiedAt)
            .thenComparing(RevisionInfo::latest)
            .reversed());
    return out;
  }

  @Override
  public String publish(byte[] json) {
    InferenceConfigJson.read(json, "to publish");
    try {
      return client
          .putObject(
              PutObjectArgs.builder().bucket(bucket).object(key).stream(
                      new ByteArrayInputStream(json), json.length, -1)
                  .contentType("application/json")
                  .build())
          .versionId();
    } catch (Exception e) {
      throw failure("write", e);
    }
  }

  private Optional<Revision> get(String versionId) {
    GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
    if (versionId != null) {
      args.versionId(versionId);
    }
    try (GetObjectResponse response = client.getObject(args.build())) {
      String version = response.headers().get("x-amz-version-id");
      String modified = response.headers().get("Last-Modified");
      Instant at =
          modified == null
              ? Instant.EPOCH
              : java.time.ZonedDateTime.parse(
                      modified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                  .toInstant();
      return Optional.of(
          new Revision(version != null ? version : "null", at, response.readAllBytes()));
    } catch (ErrorResponseException e) {
      String code = e.errorResponse() == null ? null : e.errorResponse().code();
      if ("NoSuchKey".equals(code)
          || "NoSuchVersion".equals(code)
          || (e.response() != null && e.response().code() == 404 && !"NoSuchBucket".equals(code))) {
        return Optional.empty();
      }
      throw failure("read", e);
    } catch (Exception e) {
      throw failure("read", e);
    }
  }

  private IllegalStateException failure(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException(
        "cannot " + what + " inference config s3://" + bucket + "/" + key + ": " + e, e);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
