package io.fraudops.cli.chargeback;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.cli.BadInputException;
import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.cli.stores.OfflineStore;
import io.fraudops.feature.chargeback.Chargeback;
import io.fraudops.feature.chargeback.Chargebacks;
import io.fraudops.feature.chargeback.UnknownTransactionException;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import redis.clients.jedis.JedisPooled;

/**
 * {@code ./fraud chargeback}: labels a payment as fraud after a chargeback, as {@code POST
 * /chargebacks} does. Thin on purpose: the work is feature-lib's {@link Chargebacks}; this class
 * opens the stores.
 */
@Command(
    name = "chargeback",
    header = "Labels a payment as fraud after a chargeback.",
    description = {
      "Labels a payment as fraud after a chargeback, as POST /chargebacks does: the next training export counts"
          + " it, and, with --fraud.redis.url, so do the merchant and category fraud rates of later payments.",
      "The label is known from the end of --date (UTC), or from now if that is earlier. A second report of the"
          + " same payment changes nothing."
    },
    exitCodeList = {"1:no payment with that transaction id (or a failure while running)"})
public final class ChargebackCommand implements Callable<Integer> {

  @Option(
      names = "--transaction-id",
      required = true,
      paramLabel = "<id>",
      description = "The disputed payment.")
  String transactionId;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "<text>",
      description = "The reason given, e.g. \"4837 no cardholder authorization\".")
  String reason;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "<YYYY-MM-DD>",
      description = "The day it was reported.")
  String date;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;

  @Option(
      names = "--fraud.redis.url",
      paramLabel = "<redis-url>",
      showDefaultValue = Visibility.NEVER,
      description =
          "The workers' online store (env FRAUD_REDIS_URL). Default: none, only the offline label is"
              + " written.")
  String redisUrl;

  @Option(
      names = "--fraud.redis.key-prefix",
      paramLabel = "<prefix>",
      defaultValue = OnlineStoreSettings.DEFAULT_KEY_PREFIX,
      description = "Prefix of every online-store key; the workers read keys under theirs.")
  String redisKeyPrefix;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Chargeback chargeback;
    try {
      chargeback = Chargeback.of(transactionId, reason, date);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource offline =
          OfflineStore.open(dataSource, embeddedPostgres, "chargeback", out, resources);
      FeatureStoreSchema.migrate(offline);
      RedisOnlineFeatureStore online = null;
      if (redisUrl != null && !redisUrl.isBlank()) {
        JedisPooled jedis = RedisConnections.pooled(redisUrl, Duration.ofSeconds(5));
        resources.add(jedis);
        OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
        online =
            new RedisOnlineFeatureStore(
                jedis,
                new OnlineStoreSettings(
                    redisKeyPrefix, defaults.eventRetention(), defaults.firstSeenTtl()));
        out.println("[chargeback] Redis at " + Credentials.redact(redisUrl));
      }
      Chargebacks.Recorded recorded;
      try {
        recorded = new Chargebacks(offline, online, Clock.systemUTC()).record(chargeback);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      } catch (UnknownTransactionException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 1;
      }
      out.printf(
          "[chargeback] %s %s: fraud label (chargeback of %s, \"%s\") known from %s%s%n",
          recorded.created() ? "recorded" : "already recorded",
          recorded.transactionId(),
          recorded.date(),
          recorded.reason(),
          recorded.knownAt(),
          recorded.online()
              ? ", in the online store too"
              : "; online store not updated (no --fraud.redis.url)");
      out.flush();
      return 0;
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }
}
