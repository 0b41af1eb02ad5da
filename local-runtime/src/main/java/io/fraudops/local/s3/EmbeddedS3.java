package io.fraudops.local.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Objects;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3-compatible store inside this JVM (s3proxy on 127.0.0.1, in-memory), for local runs and
 * tests. Everything talks to it through {@link MinioClient}, so a real MinIO or S3 is only a
 * different endpoint and credentials. In-memory because s3proxy supports bucket versioning only on
 * its {@code transient-nio2} backend; its contents die with the JVM. Needs {@code org.gaul:s3proxy}
 * on the classpath (optional dependency of model-lib).
 */
public final class EmbeddedS3 implements AutoCloseable {

  private final BlobStore store;
  private final URI uri;
  private final String endpoint;
  private final String accessKey;
  private final String secretKey;
  private volatile S3Proxy proxy;

  private EmbeddedS3(BlobStore store, URI uri, String accessKey, String secretKey) {
    this.store = store;
    this.uri = uri;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.proxy = listen(store, uri, accessKey, secretKey);
    this.endpoint = "http://127.0.0.1:" + proxy.getPort();
  }

  /**
   * Starts on a free loopback port; s3proxy checks AWS v2/v4 signatures against these credentials.
   */
  public static EmbeddedS3 start(String accessKey, String secretKey) {
    return start(accessKey, secretKey, 0);
  }

  /**
   * Starts on {@code port} of the loopback interface (0 = any free port), so other local processes
   * (the training command) can reach the store a running application holds in memory.
   */
  public static EmbeddedS3 start(String accessKey, String secretKey, int port) {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    BlobStore store = BlobStores.create("transient-nio2", new Properties());
    try {
      // Loopback only: this store has no TLS and must not be reachable from the network.
      URI uri = URI.create("http://127.0.0.1:" + (port == 0 ? freePort() : port));
      return new EmbeddedS3(store, uri, accessKey, secretKey);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start s3proxy: " + e, e);
    }
  }

  private static S3Proxy listen(BlobStore store, URI uri, String accessKey, String secretKey) {
    try {
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(store)
              .endpoint(uri)
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
              .build();
      proxy.start();
      // start() returns before Jetty accepts connections.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          proxy.stop();
          throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
      return proxy;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting s3proxy", e);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start s3proxy: " + e, e);
    }
  }

  /**
   * Stops answering, as a registry that went down does; what it holds is kept for {@link
   * #resume()}.
   */
  public synchronized void suspend() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop s3proxy", e);
    }
  }

  /** Answers again on the same endpoint, with the same contents. */
  public synchronized void resume() {
    proxy = listen(store, uri, accessKey, secretKey);
  }

  public String endpoint() {
    return endpoint;
  }

  public MinioClient client() {
    return MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
  }

  /**
   * Creates the bucket if missing, with versioning on, so a file overwritten by hand stays
   * recoverable.
   */
  public void createVersionedBucket(String bucket) {
    MinioClient client = client();
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      client.setBucketVersioning(
          SetBucketVersioningArgs.builder()
              .bucket(bucket)
              .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null))
              .build());
    } catch (Exception e) {
      throw new IllegalStateException("cannot create bucket " + bucket + ": " + e, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop s3proxy", e);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
