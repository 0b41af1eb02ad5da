package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import io.fraudops.model.scoring.ModelMetadata;
import io.minio.MinioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry on an MLflow 2.x tracking server (2.3 or later: aliases arrived in 2.3), through its
 * REST API. MLflow numbers versions and moves aliases itself, atomically in its database, so this
 * adapter needs no locking. Model files are read and written through the server's artifact proxy
 * ({@code --serve-artifacts}, the default), so the MLflow URL is all the service needs; or, when
 * given S3 credentials, directly in the bucket behind MLflow's artifact store.
 *
 * <p>What it serves, by MLflow's own conventions, with no project-specific tag needed:
 *
 * <ul>
 *   <li>a version whose source directory holds an {@code MLmodel} file with the {@code catboost}
 *       flavour, as {@code mlflow.catboost.log_model} writes it: the flavour names the model file
 *       ({@code model.cb}) and its format (cbm or json), the signature the feature names. The
 *       project's sidecar ({@code <model file>.meta.json}: baselines, drift reference, params) is
 *       used when it sits beside the model file; without it, the version's metrics come from its
 *       run and tree reasons need no baselines.
 *   <li>a version registered by an earlier release of this adapter: a {@code fraudops.format} tag
 *       and {@code model.json} (or {@code model.cbm}) with its sidecar in the source directory.
 * </ul>
 *
 * Any other version (another flavour, files nobody can reach) is listed with {@link
 * ModelVersion#problem()} saying why, and never breaks the listing.
 *
 * <p>Its own registrations are MLflow runs (one experiment per model name; {@link MlflowRuns})
 * whose artifacts hold {@code model/MLmodel}, {@code model/model.json} (or {@code .cbm}), {@code
 * model/model.json.meta.json} and {@code report.html}; the version's source is the run's {@code
 * model} directory, so MLflow hands the model to anyone ({@code
 * mlflow.catboost.load_model("models:/<name>/<version>")}) and shows the report. Formats and
 * metrics also travel as tags ({@code fraudops.format}, {@code fraudops.metric.<name>}).
 */
public final class MlflowModelRegistry implements ModelRegistry {

  static final String FORMAT_TAG = "fraudops.format";
  static final String METRIC_TAG_PREFIX = "fraudops.metric.";
  static final String MODEL_DIRECTORY = "model";

  /**
   * What a version's files say about it, read once: versions are immutable.
   *
   * @param directory where its files are (an artifact URI)
   * @param dataFile the model file in it
   * @param names the signature's feature names, empty when none
   * @param metrics from its run when it has no metric tags
   * @param problem why it cannot be served, or null
   */
  private record Described(
      String directory,
      String dataFile,
      ModelFormat format,
      List<String> names,
      Map<String, Double> metrics,
      String problem) {

    static Described unservable(String directory, String problem) {
      return new Described(directory, null, null, List.of(), Map.of(), problem);
    }
  }

  private final MlflowRestClient mlflow;
  private final ArtifactAccess artifacts;
  private final MlflowRuns runs;
  private final Map<String, Described> described = new ConcurrentHashMap<>();

  /** Versions per search request; small in tests, so that paging is exercised. */
  int pageSize = 200;

  /**
   * Files through MLflow's artifact proxy: the tracking URL is all it needs.
   *
   * @param token bearer token for MLflow, or null
   */
  public MlflowModelRegistry(URI trackingUri, String token) {
    this(client(trackingUri, token), null);
  }

  /**
   * Files directly in the S3 bucket behind MLflow's artifact store. @param token bearer token, or
   * null
   */
  public MlflowModelRegistry(
      URI trackingUri, String token, MinioClient s3, MlflowArtifactStore store) {
    this(client(trackingUri, token), new S3Artifacts(new S3Objects(s3), store));
  }

  /**
   * @param artifacts null for the tracking server's artifact proxy
   */
  MlflowModelRegistry(MlflowRestClient mlflow, ArtifactAccess artifacts) {
    this.mlflow = Objects.requireNonNull(mlflow, "mlflow");
    this.artifacts = artifacts != null ? artifacts : new ProxiedArtifacts(mlflow);
    this.runs = new MlflowRuns(mlflow, System::currentTimeMillis);
  }

  private static MlflowRestClient client(URI trackingUri, String token) {
    return new MlflowRestClient(
        trackingUri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), token);
  }

  /**
   * For a service starting with this registry: fails, saying what to change, when model files
   * cannot be reached the configured way (an MLflow started with {@code --no-serve-artifacts} and
   * no S3 configured).
   */
  public void requireArtifactAccess() {
    if (artifacts instanceof ProxiedArtifacts) {
      mlflow.requireArtifactProxy();
    }
  }

  /** How model files are reached, for logs. */
  public String artifactAccess() {
    return artifacts.describe();
  }

  @Override
  public ModelVersion register(
      String modelName,
      byte[] model,
      ModelFormat format,
      ModelMetadata metadata,
      Map<String, Double> metrics,
      byte[] reportHtml) {
    List<String> features = ModelFiles.check(modelName, model, format, metadata, metrics);
    createRegisteredModelIfMissing(modelName);
    MlflowRuns.Run run = runs.start(modelName, metadata, metrics);
    String directory = run.artifactUri() + "/" + MODEL_DIRECTORY;
    try {
      String problem = artifacts.unreachable(directory);
      if (problem != null) {
        throw new ModelRegistryException(
            "cannot store " + modelName + " in MLflow run " + run.id() + ": " + problem);
      }
      String file = "model" + format.extension();
      artifacts.write(directory, file, model);
      artifacts.write(directory, file + ModelMetadata.SIDECAR_SUFFIX, metadata.toJson());
      if (reportHtml != null) {
        artifacts.write(run.artifactUri(), ModelFiles.REPORT, reportHtml);
      }
      // Last: a directory with an MLmodel is complete.
      artifacts.write(
          directory,
          MlModelFile.FILE_NAME,
          new MlModelFile(file, format, features)
              .toYaml(run.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
      runs.finish(run, "FINISHED");
    } catch (RuntimeException e) {
      try {
        runs.finish(run, "FAILED");
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    List<Map<String, String>> tags = new ArrayList<>();
    tags.add(tag(FORMAT_TAG, format.name()));
    metrics.forEach((k, v) -> tags.add(tag(METRIC_TAG_PREFIX + k, Double.toString(v))));
    JsonNode created =
        mlflow.post(
            "model-versions/create",
            Map.of("name", modelName, "source", directory, "run_id", run.id(), "tags", tags));
    return toVersion(created.path("model_version"));
  }

  @Override
  public void setAlias(String modelName, String alias, int version) {
    RegistryNames.requireModelName(modelName);
    RegistryNames.requireAlias(alias);
    try {
      mlflow.post(
          "registered-models/alias",
          Map.of("name", modelName, "alias", alias, "version", Integer.toString(version)));
    } catch (MlflowRestClient.MlflowException e) {
      if ("RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())
          || "INVALID_PARAMETER_VALUE".equals(e.errorCode())) {
        throw new ModelRegistryException(
            "cannot point "
                + modelName
                + "@"
                + alias
                + " at version "
                + version
                + ": "
                + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  @Override
  public Optional<ModelVersion> resolve(String modelName, String alias) {
    RegistryNames.requireModelName(modelName);
    RegistryNames.requireAlias(alias);
    try {
      return mlflow
          .get("registered-models/alias", Map.of("name", modelName, "alias", alias))
          .map(body -> toVersion(body.path("model_version")));
    } catch (MlflowRestClient.MlflowException e) {
      // MLflow 2.x answers an unset alias of an existing model with 400 INVALID_PARAMETER_VALUE
      // "Registered model alias challenger not found.", not RESOURCE_DOES_NOT_EXIST.
      if ("INVALID_PARAMETER_VALUE".equals(e.errorCode())
          && e.getMessage().contains("alias " + alias + " not found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<ModelVersion> version(String modelName, int version) {
    RegistryNames.requireModelName(modelName);
    return mlflow
        .get("model-versions/get", Map.of("name", modelName, "version", Integer.toString(version)))
        .map(body -> toVersion(body.path("model_version")));
  }

  @Override
  public List<ModelVersion> versions(String modelName) {
    RegistryNames.requireModelName(modelName);
    List<ModelVersion> out = new ArrayList<>();
    String pageToken = null;
    do {
      Map<String, String> query = new LinkedHashMap<>();
      // The name pattern admits no quote, so it cannot break out of the filter string.
      query.put("filter", "name='" + modelName + "'");
      query.put("max_results", Integer.toString(pageSize));
      if (pageToken != null) {
        query.put("page_token", pageToken);
      }
      Optional<JsonNode> page = mlflow.get("model-versions/search", query);
      if (page.isEmpty()) {
        break;
      }
      page.get().path("model_versions").forEach(v -> out.add(toVersion(v)));
      pageToken = page.get().path("next_page_token").asText(null);
    } while (pageToken != null && !pageToken.isEmpty());
    out.sort(Comparator.comparingInt(ModelVersion::version));
    return List.copyOf(out);
  }

  @Override
  public ModelArtifact download(ModelVersion version) {
    if (!version.servable()) {
      throw new ModelLoadException(Reason.UNSUPPORTED, version.location(), version.problem());
    }
    Described files = describedOrRead(version);
    String modelAt = files.directory() + "/" + files.dataFile();
    byte[] model =
        read(files.directory(), files.dataFile(), modelAt)
            .orElseThrow(
                () -> new ModelLoadException(Reason.NOT_FOUND, modelAt, "no such artifact"));
    String sidecarAt = modelAt + ModelMetadata.SIDECAR_SUFFIX;
    String number = String.valueOf(version.version());
    ModelMetadata metadata =
        read(files.directory(), files.dataFile() + ModelMetadata.SIDECAR_SUFFIX, sidecarAt)
            .map(bytes -> ModelMetadata.read(bytes, sidecarAt))
            // MLflow's name and number are the version's identity, whatever the training script
            // wrote.
            .map(
                sidecar ->
                    withNames(sidecar.withName(version.name()).withVersion(number), files.names()))
            .orElseGet(
                () ->
                    new ModelMetadata(
                        version.name(),
                        number,
                        version.createdAt(),
                        version.metrics(),
                        Map.of(),
                        files.names()));
    return ModelArtifact.load(model, files.format(), metadata, modelAt);
  }

  private Described describedOrRead(ModelVersion version) {
    Described files = described.get(key(version.name(), version.version()));
    if (files == null) { // a version object this instance did not read: read it now
      version(version.name(), version.version())
          .orElseThrow(
              () ->
                  new ModelLoadException(
                      Reason.NOT_FOUND,
                      version.location(),
                      "MLflow has no version " + version.version() + " of " + version.name()));
      files = described.get(key(version.name(), version.version()));
    }
    if (files == null || files.problem() != null) {
      throw new ModelLoadException(
          Reason.UNSUPPORTED,
          version.location(),
          files == null ? "its files cannot be read" : files.problem());
    }
    return files;
  }

  private Optional<byte[]> read(String directory, String file, String source) {
    try {
      return artifacts.read(directory, file);
    } catch (ModelRegistryException e) {
      throw new ModelLoadException(
          Reason.NOT_FOUND, source, "cannot read it: " + e.getMessage(), e);
    }
  }

  private static ModelMetadata withNames(ModelMetadata metadata, List<String> signatureNames) {
    if (!metadata.featureNames().isEmpty() || signatureNames.isEmpty()) {
      return metadata;
    }
    return new ModelMetadata(
        metadata.name(),
        metadata.version(),
        metadata.trainedAt(),
        metadata.metrics(),
        metadata.baselines(),
        signatureNames,
        metadata.params(),
        metadata.driftReference());
  }

  /** Ordered, so the request reads key then value as in MLflow's documentation. */
  private static Map<String, String> tag(String key, String value) {
    Map<String, String> tag = new LinkedHashMap<>();
    tag.put("key", key);
    tag.put("value", value);
    return tag;
  }

  private void createRegisteredModelIfMissing(String modelName) {
    try {
      mlflow.post("registered-models/create", Map.of("name", modelName));
    } catch (MlflowRestClient.MlflowException e) {
      if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
        throw e;
      }
    }
  }

  /**
   * MLflow's {@code model_version} object (version a string, creation_timestamp epoch millis), with
   * what its files say about it. Never throws for a version that cannot be served: it is returned
   * with the problem.
   */
  private ModelVersion toVersion(JsonNode v) {
    String name = v.path("name").asText(null);
    int number;
    try {
      number = Integer.parseInt(v.path("version").asText());
    } catch (NumberFormatException e) {
      throw new ModelRegistryException(
          "MLflow returned a model_version without a version number: " + v, e);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    v.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    Map<String, Double> metrics = new LinkedHashMap<>();
    tags.forEach(
        (k, value) -> {
          if (k.startsWith(METRIC_TAG_PREFIX)) {
            try {
              double parsed = Double.parseDouble(value);
              if (Double.isFinite(parsed)) {
                metrics.put(k.substring(METRIC_TAG_PREFIX.length()), parsed);
              }
            } catch (NumberFormatException ignored) {
              // a hand-edited tag: the metric is left out, the version stays listed
            }
          }
        });
    String source = v.path("source").asText("");
    Instant createdAt = Instant.ofEpochMilli(v.path("creation_timestamp").asLong());
    String runId = v.path("run_id").asText("");
    Described files =
        describe(name, number, source, runId.isEmpty() ? null : runId, tags.get(FORMAT_TAG));
    if (metrics.isEmpty()) {
      metrics.putAll(files.metrics());
    }
    String location = source.isBlank() ? "(no source)" : source;
    return new ModelVersion(
        name, number, files.format(), metrics, createdAt, location, files.problem());
  }

  private Described describe(
      String name, int number, String source, String runId, String formatTag) {
    Described known = described.get(key(name, number));
    if (known != null) {
      return known;
    }
    Described read;
    try {
      read = readDescription(source, runId, formatTag);
    } catch (ModelRegistryException e) {
      // The store is down or refuses: say so, and look again next time.
      return Described.unservable(source, "its files cannot be read now: " + e.getMessage());
    }
    described.put(key(name, number), read);
    return read;
  }

  private Described readDescription(String source, String runId, String formatTag) {
    if (source.isBlank()) {
      return Described.unservable(source, "the version has no source");
    }
    String directory = source.replaceFirst("/+$", "");
    if (directory.startsWith("runs:/")) {
      String[] parts = directory.substring("runs:/".length()).split("/", 2);
      Optional<String> root = runs.artifactUri(parts[0]);
      if (root.isEmpty()) {
        return Described.unservable(source, "its run " + parts[0] + " does not exist");
      }
      directory = root.get() + (parts.length > 1 ? "/" + parts[1] : "");
    } else if (directory.startsWith("models:/")) {
      return Described.unservable(
          source, "its source is another registered model (" + source + ")");
    }
    String unreachable = artifacts.unreachable(directory);
    if (unreachable != null) {
      return Described.unservable(directory, unreachable);
    }
    Map<String, Double> runMetrics = runId == null ? Map.of() : runs.metrics(runId);
    Optional<byte[]> mlmodel = artifacts.read(directory, MlModelFile.FILE_NAME);
    if (mlmodel.isPresent()) {
      try {
        MlModelFile file = MlModelFile.parse(mlmodel.get());
        return new Described(
            directory, file.dataFile(), file.format(), file.featureNames(), runMetrics, null);
      } catch (IllegalArgumentException e) {
        return Described.unservable(directory, e.getMessage());
      }
    }
    if (formatTag != null) {
      try {
        ModelFormat format = ModelFormat.valueOf(formatTag);
        return new Described(
            directory, "model" + format.extension(), format, List.of(), runMetrics, null);
      } catch (IllegalArgumentException e) {
        return Described.unservable(
            directory, FORMAT_TAG + " is '" + formatTag + "', not JSON or CBM");
      }
    }
    return Described.unservable(
        directory,
        "no MLmodel file in "
            + directory
            + " and no "
            + FORMAT_TAG
            + " tag: log the model with mlflow.catboost.log_model");
  }

  private static String key(String name, int version) {
    return name + "\n" + version;
  }
}
