package io.fraudops.model.registry;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The few object-store calls the registry needs, over minio so any S3-compatible store will do. */
final class S3Objects {

  private final MinioClient client;

  S3Objects(MinioClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  Optional<byte[]> get(S3Location at) {
    try (GetObjectResponse response =
        client.getObject(GetObjectArgs.builder().bucket(at.bucket()).object(at.key()).build())) {
      return Optional.of(response.readAllBytes());
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw failure("read", at, e);
    } catch (Exception e) {
      throw failure("read", at, e);
    }
  }

  void put(S3Location at, byte[] bytes) {
    try {
      write(at, bytes, Map.of());
    } catch (Exception e) {
      throw failure("write", at, e);
    }
  }

  /**
   * Creates the object only if no object of that key exists ({@code If-None-Match: *}), atomically
   * in the store: of several concurrent writers exactly one succeeds.
   *
   * @return false when the key already exists (412, or 409 for a concurrent conditional write)
   */
  boolean createIfAbsent(S3Location at, byte[] bytes) {
    try {
      write(at, bytes, Map.of("If-None-Match", "*"));
      return true;
    } catch (ErrorResponseException e) {
      int status = e.response().code();
      if (status == 412 || status == 409) {
        return false;
      }
      throw failure("write", at, e);
    } catch (Exception e) {
      throw failure("write", at, e);
    }
  }

  /** Keys directly under {@code prefix}, in key order (the order S3 lists them in). */
  List<String> keys(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> item :
          client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).build())) {
        keys.add(item.get().objectName());
      }
    } catch (Exception e) {
      throw failure("list", new S3Location(bucket, prefix), e);
    }
    return keys;
  }

  private void write(S3Location at, byte[] bytes, Map<String, String> headers) throws Exception {
    client.putObject(
        PutObjectArgs.builder().bucket(at.bucket()).object(at.key()).stream(
                new ByteArrayInputStream(bytes), bytes.length, -1)
            .headers(headers)
            .build());
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse() == null ? null : e.errorResponse().code();
    return "NoSuchKey".equals(code)
        || (e.response() != null && e.response().code() == 404 && !"NoSuchBucket".equals(code));
  }

  private static ModelRegistryException failure(String what, S3Location at, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new ModelRegistryException("cannot " + what + " " + at + ": " + e, e);
  }
}
