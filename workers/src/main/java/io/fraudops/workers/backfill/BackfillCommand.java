package io.fraudops.workers.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.backfill.BackfillOptions;
import io.fraudops.feature.backfill.BackfillSummary;
import io.fraudops.feature.backfill.ColumnMapping;
import io.fraudops.feature.backfill.HistoryBackfill;
import io.fraudops.feature.backfill.HistoryColumns;
import io.fraudops.feature.backfill.HistoryFile;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.workers.embedded.EmbeddedRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * Loads a history CSV into the offline store and rebuilds profiles, and online state when asked (see
 * feature-lib's {@code io.fraudops.feature.backfill} for the CSV schema):
 *
 * <pre>./fraud backfill --file=history.csv [--format=native|kaggle] [--map=amount=amt,currency=USD,...]
 *     [--timestamp-format=iso|epoch-seconds|epoch-millis|'yyyy-MM-dd HH:mm:ss'] [--time-zone=UTC]
 *     [--max-rejected=1%] [--report=history.csv.rejected.csv] [--batch-size=20000] [--progress-every=100000]
 *     [--label-delay=P30D] [--skip-profiles] [--rebuild-online | --skip-online] [--replay-threads=4]
 *     [--jdbc-url=jdbc:postgresql://host/db --jdbc-user=u --jdbc-password=p]
 *     [--redis-url=redis://host:6379 --redis-key-prefix=fraud:features:]</pre>
 *
 * <p>The file's header and first rows are checked before any store starts. Without {@code --jdbc-url} it
 * starts the embedded PostgreSQL the application uses by default ({@code .data/postgres}, port 54329), so
 * stop the application first. The online state is rebuilt when {@code --redis-url} names a Redis (the one
 * the workers read) or with {@code --rebuild-online} (then into a throwaway embedded Redis: a rehearsal).
 * Exits with 3 when more rows were refused than {@code --max-rejected} allows.
 */
public final class BackfillCommand {

  /** The run loaded, but refused more rows than allowed. */
  static final int EXIT_TOO_MANY_REFUSED = 3;

  private static final Set<String> OPTIONS =
      Set.of(
          "file", "format", "map", "timestamp-format", "time-zone", "max-rejected", "report", "batch-size",
          "progress-every", "label-delay", "skip-profiles", "rebuild-online", "skip-online", "replay-threads",
          "jdbc-url", "jdbc-user", "jdbc-password", "redis-url", "redis-key-prefix", "postgres-data-dir",
          "postgres-port", "help");

  private BackfillCommand() {}

  public static void main(String[] args) throws Exception {
    QuietLogs.apply();
    int status;
    try {
      status = run(CommandLine.parse(args, OPTIONS));
    } catch (IllegalArgumentException e) {
      // A usage or file-format problem: the message says what to fix, a stack trace would bury it.
      System.err.println("backfill: " + e.getMessage());
      System.err.println("Run ./fraud backfill --help for the options and the CSV columns.");
      status = 2;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  private static int run(CommandLine line) throws Exception {
    if (line.flag("help")) {
      System.out.print(usage());
      return 0;
    }
    Path file = Path.of(line.required("file"));
    boolean online = !line.flag("skip-online") && (line.flag("rebuild-online") || line.has("redis-url"));
    BackfillOptions options =
        BackfillOptions.of(file)
            .withFormat(
                HistoryFormat.parse(line.get("format", "native")),
                ColumnMapping.parse(line.get("map", "")),
                line.get("timestamp-format", null),
                line.get("time-zone", null))
            .withReport(Path.of(line.get("report", BackfillOptions.defaultReport(file).toString())))
            .withBatching(
                line.integer("batch-size", BackfillOptions.DEFAULT_BATCH_SIZE),
                line.integer("progress-every", BackfillOptions.DEFAULT_PROGRESS_EVERY))
            .withLabelDelay(Duration.parse(line.get("label-delay", BackfillOptions.DEFAULT_LABEL_DELAY.toString())))
            .withRebuilds(
                !line.flag("skip-profiles"),
                online,
                line.integer("replay-threads", BackfillOptions.DEFAULT_REPLAY_THREADS))
            .withMaxBadShare(
                BackfillOptions.parseShare(line.get("max-rejected", "" + BackfillOptions.DEFAULT_MAX_BAD_SHARE)));
    TransactionParser parser = new TransactionParser();
    // Before any store starts: a file that cannot be loaded fails here, with every reason.
    HistoryFile.check(options, parser).describe().forEach(System.out::println);

    // Closed in reverse order of opening, whatever fails.
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource = OfflineStore.open(line, "backfill", resources);
      long begin = System.nanoTime();
      int applied = FeatureStoreSchema.migrate(dataSource);
      System.out.printf("[backfill] schema up to date (%d migrations applied) in %.1f s%n",
          applied, (System.nanoTime() - begin) / 1e9);
      RedisOnlineFeatureStore store = online ? online(line, resources) : null;
      BackfillSummary summary = new HistoryBackfill(dataSource, store, parser, System.out::println).run(options);
      System.out.print(summary.describe());
      if (online && !line.has("redis-url")) {
        System.out.println(
            "[backfill] note: the online state went into a throwaway embedded Redis (the application's is"
                + " in-memory too); pass --redis-url to rebuild a Redis the workers use.");
      } else if (!online) {
        System.out.println("[backfill] online state not rebuilt (pass --redis-url=... for the Redis the workers"
            + " read, or --rebuild-online)");
      }
      return summary.tooManyBad() ? EXIT_TOO_MANY_REFUSED : 0;
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  private static String usage() {
    return """
        ./fraud backfill --file=history.csv [--format=native|kaggle] [--map=column=fileColumn|VALUE,...]
            [--timestamp-format=iso|epoch-seconds|epoch-millis|'yyyy-MM-dd HH:mm:ss'] [--time-zone=UTC]
            [--max-rejected=1%] [--report=path] [--batch-size=20000] [--progress-every=100000]
            [--label-delay=P30D] [--skip-profiles] [--rebuild-online | --skip-online] [--replay-threads=4]
            [--jdbc-url=... --jdbc-user=... --jdbc-password=...]   (default: embedded, .data/postgres:54329)
            [--redis-url=redis://host:6379 --redis-key-prefix=fraud:features:]  (rebuilds that Redis)

        --format=kaggle reads fraudTrain.csv-style files (trans_num, cc_num, amt, merchant, category, lat, long,
        merch_lat, merch_long, trans_date_trans_time, is_fraud); --map entries override a format's.
        """
        + HistoryColumns.help()
        + """
        Labels without label_known_at are taken as known at the payment time plus --label-delay.
        Exit status: 0 done, 2 the file or an option cannot be used (nothing loaded), 3 more rows refused than
        --max-rejected allows (what was valid is loaded; profiles and online state are not rebuilt).
        """;
  }

  private static RedisOnlineFeatureStore online(CommandLine line, List<AutoCloseable> resources) throws Exception {
    String url = line.get("redis-url", null);
    if (url == null) {
      RedisServer server = EmbeddedRedis.start(0);
      resources.add(server::stop);
      url = EmbeddedRedis.url(server);
      System.out.println("[backfill] embedded Redis at " + url + " (in-memory, discarded at exit)");
    } else {
      System.out.println("[backfill] Redis at " + RedisUrls.withoutCredentials(url));
    }
    JedisPooled jedis = RedisUrls.client(url);
    resources.add(jedis);
    OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
    // The application's prefix (fraud.redis.key-prefix), so the workers read what is rebuilt here.
    return new RedisOnlineFeatureStore(
        jedis,
        new OnlineStoreSettings(
            line.get("redis-key-prefix", "fraud:features:"), defaults.eventRetention(), defaults.firstSeenTtl()));
  }
}
