package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.minio.MinioClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A model registry kept entirely in one S3-compatible bucket (MinIO, S3, or the local runtime's
 * in-process S3):
 *
 * <pre>
 *   {prefix}{model}/index/0000000001.json, …02.json   generations of the index: versions and aliases
 *   {prefix}{model}/{uuid}/model.json                 a version's model (or model.cbm)
 *   {prefix}{model}/{uuid}/model.json.meta.json       its sidecar metadata
 * </pre>
 *
 * Concurrency: nothing is ever overwritten. Each change (a new version, an alias move) writes the
 * next index generation with a create-only PUT ({@code If-None-Match: *}); of two writers that read
 * generation n, the store lets exactly one create n+1 and answers the other 412, which re-reads and
 * retries. So two registrations can never both become version k, and none is silently lost. Chosen
 * over overwriting one {@code index.json} with {@code If-Match: <etag>} because s3proxy 4.1 checks
 * If-Match before writing without a lock (two writers holding the same ETag both succeeded here),
 * while create-only writes are atomic in s3proxy (checked under contention), MinIO and AWS S3
 * (since 2024). A bonus: the generations are an audit trail of every promotion. Model files go to a
 * fresh UUID directory before an index names them, so a lost race never overwrites another writer's
 * model; a writer that dies in between leaves an unreferenced directory, nothing worse.
 */
public final class S3ModelRegistry implements ModelRegistry {

  private static final int MAX_ATTEMPTS = 20;

  /** Zero-padded so that S3's lexicographic listing order is generation order. */
  private static final Pattern GENERATION = Pattern.compile("\\d{10}\\.json");

  private final S3Objects objects;
  private final String bucket;
  private final String prefix;
  private final Clock clock;

  /**
   * @param prefix key prefix for all models, e.g. {@code "models/"}; may be empty
   */
  public S3ModelRegistry(MinioClient client, String bucket, String prefix) {
    this(client, bucket, prefix, Clock.systemUTC());
  }

  public S3ModelRegistry(MinioClient client, String bucket, String prefix, Clock clock) {
    this.objects = new S3Objects(client);
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "prefix must be empty or end with '/', got '" + prefix + "'");
    }
  }

  @Override
  public ModelVersion register(
      String modelName,
      byte[] model,
      ModelFormat format,
      ModelMetadata metadata,
      Map<String, Double> metrics,
      byte[] reportHtml) {
    ModelFiles.check(modelName, model, format, metadata, metrics);
    S3Location dir = new S3Location(bucket, prefix + modelName + "/" + UUID.randomUUID());
    ModelFiles.store(objects, dir, model, format, metadata);
    if (reportHtml != null) {
      objects.put(dir.child(ModelFiles.REPORT), reportHtml);
    }
    ModelIndex updated =
        update(
            modelName,
            index ->
                index.with(
                    new ModelVersion(
                        modelName,
                        index.nextVersion(),
                        format,
                        metrics,
                        clock.instant(),
                        dir.toString())));
    return updated.versions().getLast();
  }

  @Override
  public void setAlias(String modelName, String alias, int version) {
    RegistryNames.requireAlias(alias);
    update(
        modelName,
        index -> {
          if (index.version(version).isEmpty()) {
            throw new ModelRegistryException(
                "cannot point "
                    + modelName
                    + "@"
                    + alias
                    + " at version "
                    + version
                    + ": the model has "
                    + index.versions().size()
                    + " versions");
          }
          return index.withAlias(alias, version);
        });
  }

  @Override
  public Optional<ModelVersion> resolve(String modelName, String alias) {
    RegistryNames.requireAlias(alias);
    return read(modelName).resolve(alias);
  }

  @Override
  public Optional<ModelVersion> version(String modelName, int version) {
    return read(modelName).version(version);
  }

  @Override
  public List<ModelVersion> versions(String modelName) {
    return read(modelName).versions();
  }

  @Override
  public ModelArtifact download(ModelVersion version) {
    return ModelFiles.load(objects, S3Location.parse(version.location()), version);
  }

  private ModelIndex read(String modelName) {
    return latest(modelName).index();
  }

  /**
   * Read the latest generation, change it, create the next; if another writer created it, again.
   */
  private ModelIndex update(String modelName, UnaryOperator<ModelIndex> change) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Generation current = latest(modelName);
      ModelIndex next = change.apply(current.index());
      if (objects.createIfAbsent(generationKey(modelName, current.number() + 1), next.toJson())) {
        return next;
      }
      backOff(attempt);
    }
    throw new ModelRegistryException(
        "gave up updating the index of "
            + modelName
            + " after "
            + MAX_ATTEMPTS
            + " attempts: other writers keep changing it");
  }

  private record Generation(long number, ModelIndex index) {}

  private Generation latest(String modelName) {
    String dir = prefix + RegistryNames.requireModelName(modelName) + "/index/";
    // Only exact generation names: s3proxy lists an in-flight upload's temporary file beside its
    // key.
    List<String> keys =
        objects.keys(bucket, dir).stream()
            .filter(key -> GENERATION.matcher(key.substring(dir.length())).matches())
            .toList();
    if (keys.isEmpty()) {
      return new Generation(0, ModelIndex.empty(modelName));
    }
    String key = keys.getLast();
    S3Location at = new S3Location(bucket, key);
    byte[] json =
        objects.get(at).orElseThrow(() -> new ModelRegistryException(at + " listed but missing"));
    long number = Long.parseLong(key.substring(dir.length(), key.length() - ".json".length()));
    return new Generation(number, ModelIndex.fromJson(json, at.toString()));
  }

  private S3Location generationKey(String modelName, long generation) {
    return new S3Location(
        bucket, prefix + modelName + "/index/" + String.format("%010d", generation) + ".json");
  }

  /** Jittered, so two writers that collided do not collide again in lockstep. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelRegistryException("interrupted while retrying a registry update", e);
    }
  }
}
