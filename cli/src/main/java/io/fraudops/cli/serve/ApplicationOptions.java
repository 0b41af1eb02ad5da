package io.fraudops.cli.serve;

import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.cli.stores.RedisOptions;
import io.fraudops.local.LocalRuntime;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The application's most used Spring properties, so {@code --help} shows them with their defaults.
 * Only what the user types is passed on ({@link SpringArguments}): the application's own
 * configuration and the environment keep deciding the rest, so these defaults are shown, never
 * imposed.
 */
public final class ApplicationOptions {

  @Option(
      names = "--server.port",
      paramLabel = "<port>",
      defaultValue = "8080",
      description = "Port of the HTTP API.")
  int serverPort;

  @Option(
      names = "--fraud.model.location",
      paramLabel = "<location>",
      defaultValue = "classpath:models/demo-fraud-model.json",
      description = "The model served (and registered as version 1 in an empty local registry).")
  String modelLocation;

  @Option(
      names = "--fraud.model.registry.enabled",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "true",
      showDefaultValue = Visibility.ALWAYS,
      description =
          "Serve the model the registry's alias points at, swapped when the alias moves (false: the"
              + " model location alone).")
  boolean registryEnabled;

  @Option(
      names = "--camunda.client.grpc-address",
      paramLabel = "<url>",
      description =
          "A Zeebe gateway, e.g. http://zeebe:26500 (env CAMUNDA_CLIENT_GRPCADDRESS). Default: an"
              + " embedded engine.")
  String grpcAddress;

  @Option(
      names = "--fraud.embedded.zeebe.port",
      paramLabel = "<port>",
      defaultValue = "" + LocalRuntime.LOCAL_ZEEBE_PORT,
      description = "gRPC port of the embedded engine.")
  int zeebePort;

  @Option(
      names = "--fraud.embedded.s3.port",
      paramLabel = "<port>",
      defaultValue = "" + LocalRuntime.LOCAL_S3_PORT,
      description =
          "Port of the embedded S3 model registry (a free one when taken): ./fraud train and register"
              + " reach it with --fraud.model.registry.endpoint=http://127.0.0.1:<port>.")
  int s3Port;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;
  @Mixin RedisOptions redis;
}
