package io.fraudops.cli.stores;

import io.fraudops.feature.online.OnlineStoreSettings;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** The online feature store, named as the application names it. Unset, an embedded Redis starts. */
public final class RedisOptions {

  @Option(
      names = "--fraud.redis.url",
      paramLabel = "<redis-url>",
      showDefaultValue = Visibility.NEVER,
      description =
          "Redis, redis[s]://[user:password@]host:port (env FRAUD_REDIS_URL). Default: an embedded"
              + " Redis, in memory.")
  String url;

  @Option(
      names = "--fraud.redis.key-prefix",
      paramLabel = "<prefix>",
      defaultValue = OnlineStoreSettings.DEFAULT_KEY_PREFIX,
      description = "Prefix of every online-store key; the workers read keys under theirs.")
  String keyPrefix;

  /** Null when an embedded Redis is wanted. */
  public String url() {
    return url == null || url.isBlank() ? null : url;
  }

  public String keyPrefix() {
    return keyPrefix;
  }
}
