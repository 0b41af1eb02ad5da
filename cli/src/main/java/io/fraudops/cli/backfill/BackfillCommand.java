package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.backfill.BackfillOptions;
import io.fraudops.feature.backfill.BackfillSummary;
import io.fraudops.feature.backfill.ColumnMapping;
import io.fraudops.feature.backfill.HistoryBackfill;
import io.fraudops.feature.backfill.HistoryColumns;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.local.LocalCardKey;
import io.fraudops.local.redis.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.JedisPooled;

/**
 * Loads a history CSV into the offline store and rebuilds profiles and online state (see
 * feature-lib's {@code io.fraudops.feature.backfill} for the CSV schema):
 *
 * <pre>./fraud backfill --file=history.csv [--map=amount=amt,timestamp=trans_date_trans_time]
 *     [--report=history.csv.rejected.csv] [--batch-size=5000] [--progress-every=100000]
 *     [--label-delay=P30D] [--skip-profiles] [--skip-online] [--replay-threads=4]
 *     [--jdbc-url=jdbc:postgresql://host/db --jdbc-user=u --jdbc-password=p]
 *     [--redis-url=redis://host:6379 --redis-key-prefix=fraud:features:]</pre>
 *
 * <p>Without {@code --jdbc-url} it starts the embedded PostgreSQL the application uses by default
 * ({@code .data/postgres}, port 54329), so stop the application first. Without {@code --redis-url}
 * the online state is rebuilt into a throwaway embedded Redis: useful only as a rehearsal.
 */
public final class BackfillCommand {

  private static final Set<String> OPTIONS =
      Set.of(
          "file", "map", "report", "batch-size", "progress-every", "label-delay", "skip-profiles", "skip-online",
          "replay-threads", "jdbc-url", "jdbc-user", "jdbc-password", "redis-url", "redis-key-prefix",
          "postgres-data-dir", "postgres-port", "help");

  private BackfillCommand() {}

  public static void main(String[] args) throws Exception {
    QuietLogs.apply();
    try {
      run(CommandLine.parse(args, OPTIONS));
    } catch (IllegalArgumentException e) {
      // A usage or file-format problem: the message says what to fix, a stack trace would bury it.
      System.err.println("backfill: " + e.getMessage());
      System.err.println("Run ./fraud backfill --help for the options and the CSV columns.");
      System.exit(2);
    }
  }

  private static void run(CommandLine line) throws Exception {
    if (line.flag("help")) {
      System.out.print(usage());
      return;
    }
    Path file = Path.of(line.required("file"));
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read --file=" + file);
    }
    BackfillOptions options =
        new BackfillOptions(
            file,
            ColumnMapping.parse(line.get("map", "")),
            Path.of(line.get("report", BackfillOptions.defaultReport(file).toString())),
            line.integer("batch-size", BackfillOptions.DEFAULT_BATCH_SIZE),
            line.integer("progress-every", BackfillOptions.DEFAULT_PROGRESS_EVERY),
            Duration.parse(line.get("label-delay", BackfillOptions.DEFAULT_LABEL_DELAY.toString())),
            !line.flag("skip-profiles"),
            !line.flag("skip-online"),
            line.integer("replay-threads", BackfillOptions.DEFAULT_REPLAY_THREADS));

    // Closed in reverse order of opening, whatever fails.
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource = OfflineStore.open(line, "backfill", resources);
      long begin = System.nanoTime();
      int applied = FeatureStoreSchema.migrate(dataSource);
      System.out.printf("[backfill] schema up to date (%d migrations applied) in %.1f s%n",
          applied, (System.nanoTime() - begin) / 1e9);
      RedisOnlineFeatureStore online = options.rebuildOnline() ? online(line, resources) : null;
      BackfillSummary summary =
          new HistoryBackfill(dataSource, online, new TransactionParser(cards()), System.out::println).run(options);
      System.out.print(summary.describe());
      if (options.rebuildOnline() && !line.has("redis-url")) {
        System.out.println(
            "[backfill] note: the online state went into a throwaway embedded Redis (the application's is"
                + " in-memory too); pass --redis-url to rebuild a Redis the workers use.");
      }
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  /**
   * The card key, so backfilled cards get the fingerprints screened payments get: the deployment's
   * ({@code FRAUD_CARD_FINGERPRINT_KEY}), else the local one {@code ./fraud serve} keeps in {@code .data/}.
   */
  private static CardTokenizer cards() {
    String key = System.getenv("FRAUD_CARD_FINGERPRINT_KEY");
    if (key != null && !key.isBlank()) {
      System.out.println("[backfill] card fingerprints keyed with FRAUD_CARD_FINGERPRINT_KEY");
      return CardTokenizer.fromBase64Key(key);
    }
    System.out.println("[backfill] card fingerprints keyed with " + LocalCardKey.DEFAULT_FILE
        + " (the local key; set FRAUD_CARD_FINGERPRINT_KEY to use a deployment's)");
    return CardTokenizer.fromBase64Key(LocalCardKey.loadOrCreate(LocalCardKey.DEFAULT_FILE));
  }

  private static String usage() {
    StringBuilder text =
        new StringBuilder(
            """
            ./fraud backfill --file=history.csv [--map=column=fileColumn,...] [--report=path]
                [--batch-size=5000] [--progress-every=100000] [--label-delay=P30D]
                [--skip-profiles] [--skip-online] [--replay-threads=4]
                [--jdbc-url=... --jdbc-user=... --jdbc-password=...]   (default: embedded, .data/postgres:54329)
                [--redis-url=redis://host:6379 --redis-key-prefix=fraud:features:]  (default: throwaway embedded Redis)

            CSV: a header row, then one payment per line. Columns (* required):
            """);
    for (String column : HistoryColumns.ALL) {
      text.append("  ").append(column).append(HistoryColumns.REQUIRED.contains(column) ? " *" : "").append('\n');
    }
    return text.append(
            """
            Labels without label_known_at are taken as known at the payment time plus --label-delay;
            label_source defaults to import. Details: feature-lib, package io.fraudops.feature.backfill.
            """)
        .toString();
  }

  private static RedisOnlineFeatureStore online(CommandLine line, List<AutoCloseable> resources) throws Exception {
    String url = line.get("redis-url", null);
    if (url == null) {
      EmbeddedRedis server = EmbeddedRedis.start(0);
      resources.add(server);
      url = server.url();
      System.out.println("[backfill] embedded Redis at " + url + " (in-memory, discarded at exit)");
    } else {
      System.out.println("[backfill] Redis at " + Credentials.redact(url));
    }
    JedisPooled jedis = RedisConnections.pooled(url, Duration.ofSeconds(5));
    resources.add(jedis);
    OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
    // The application's prefix (fraud.redis.key-prefix), so the workers read what is rebuilt here.
    return new RedisOnlineFeatureStore(
        jedis,
        new OnlineStoreSettings(
            line.get("redis-key-prefix", "fraud:features:"), defaults.eventRetention(), defaults.firstSeenTtl()));
  }
}
