package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.cli.BadInputException;
import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.cli.stores.OfflineStore;
import io.fraudops.cli.stores.RedisOptions;
import io.fraudops.feature.backfill.BackfillOptions;
import io.fraudops.feature.backfill.BackfillSummary;
import io.fraudops.feature.backfill.ColumnMapping;
import io.fraudops.feature.backfill.HistoryBackfill;
import io.fraudops.feature.backfill.HistoryColumns;
import io.fraudops.feature.backfill.HistoryFile;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.local.LocalCardKey;
import io.fraudops.local.redis.EmbeddedRedis;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Loads a history CSV into the offline store and rebuilds profiles, and the online state when asked
 * (see feature-lib's {@code io.fraudops.feature.backfill} for the CSV schema). The file's header
 * and first rows are checked before any store starts. Without {@code --spring.datasource.url} it
 * starts the embedded PostgreSQL the application uses by default, so stop the application first.
 * The online state is rebuilt into the Redis {@code --fraud.redis.url} names (the one the workers
 * read), or with {@code --rebuild-online} into a throwaway embedded Redis: a rehearsal.
 */
@Command(
    name = "backfill",
    header =
        "Loads a history CSV into the offline store; rebuilds profiles (and online state when asked).",
    description = {
      "Loads a history CSV into the offline store (PostgreSQL), then rebuilds customer profiles. The file's header"
          + " and first rows are checked before any store starts. Bad rows and repeated transaction ids are listed"
          + " in the report, never loaded.",
      "The online state (Redis) is rebuilt by replaying the history in time order when --fraud.redis.url names"
          + " the Redis the workers read, or with --rebuild-online (then into a throwaway embedded Redis)."
    },
    exitCodeList = {
      "3:more rows refused than --max-rejected allows (what was valid is loaded; profiles and online state are"
          + " not rebuilt)"
    },
    modelTransformer = BackfillCommand.CsvColumns.class)
public final class BackfillCommand implements Callable<Integer> {

  /** The run loaded, but refused more rows than allowed. */
  static final int TOO_MANY_REFUSED = 3;

  @Option(names = "--file", required = true, paramLabel = "<csv>", description = "The history CSV.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "<native|kaggle>",
      defaultValue = "native",
      description =
          "The file's shape: native (the columns below), or kaggle (fraudTrain.csv-style: trans_num,"
              + " cc_num, amt, merchant, category, lat, long, merch_lat, merch_long, trans_date_trans_time, is_fraud;"
              + " the card is the customer, lat/long its home).")
  String format;

  @Option(
      names = "--map",
      paramLabel = "<column=fileColumn|VALUE,...>",
      description =
          "Where a column is in the file, or one value for every row, over the format's own mapping:"
              + " e.g. amount=amt,timestamp=unix_time,currency=USD. A value is a constant when no file column has"
              + " that name.")
  String map;

  @Option(
      names = "--timestamp-format",
      paramLabel = "<iso|epoch-seconds|epoch-millis|pattern>",
      description =
          "How timestamp and label_known_at are written: ISO-8601, a number since 1970 (seconds may"
              + " have a fraction), or a java.time pattern such as 'yyyy-MM-dd HH:mm:ss'. Default: the format's"
              + " (native iso, kaggle 'yyyy-MM-dd HH:mm:ss').")
  String timestampFormat;

  @Option(
      names = "--time-zone",
      paramLabel = "<zone>",
      description =
          "The zone of local times (a pattern without offset, ISO without offset), e.g."
              + " America/New_York. Default: UTC.")
  String timeZone;

  @Option(
      names = "--max-rejected",
      paramLabel = "<share>",
      defaultValue = "1%",
      description =
          "Refused rows (invalid or repeated ids) allowed before the run fails with exit 3, as 1%% or"
              + " 0.01.")
  String maxRejected;

  @Option(
      names = "--report",
      paramLabel = "<csv>",
      description =
          "Where rejected rows are listed (line, reason). Default: the file's name + .rejected.csv.")
  Path report;

  @Option(
      names = "--batch-size",
      paramLabel = "<rows>",
      defaultValue = "" + BackfillOptions.DEFAULT_BATCH_SIZE,
      description = "Rows per database batch.")
  int batchSize;

  @Option(
      names = "--progress-every",
      paramLabel = "<rows>",
      defaultValue = "" + BackfillOptions.DEFAULT_PROGRESS_EVERY,
      description = "A progress line every this many rows.")
  int progressEvery;

  @Option(
      names = "--label-delay",
      paramLabel = "<duration>",
      defaultValue = "30d",
      description =
          "When a label has no label_known_at: how long after the payment it became known.")
  Duration labelDelay;

  @Option(names = "--skip-profiles", description = "Do not rebuild the customer profiles.")
  boolean skipProfiles;

  @Option(
      names = "--rebuild-online",
      description =
          "Rebuild the online state even without --fraud.redis.url (into a throwaway embedded Redis).")
  boolean rebuildOnline;

  @Option(
      names = "--skip-online",
      description = "Do not rebuild the online state, even with --fraud.redis.url.")
  boolean skipOnline;

  @Option(
      names = "--replay-threads",
      paramLabel = "<n>",
      defaultValue = "" + BackfillOptions.DEFAULT_REPLAY_THREADS,
      description =
          "Threads replaying the history into the online store (a customer stays on one).")
  int replayThreads;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;
  @Mixin RedisOptions redis;

  @Option(
      names = "--fraud.card.fingerprint-key",
      paramLabel = "<base64>",
      description =
          "The key card fingerprints are made with (base64, at least 32 bytes): the workers' own, so backfilled and"
              + " screened cards match. Default: the local key in .data/card-fingerprint.key.")
  String cardKey;

  @Spec CommandSpec spec;

  /** The options as the backfill takes them, checked by {@link BackfillOptions}. */
  BackfillOptions options() {
    if (rebuildOnline && skipOnline) {
      throw new ParameterException(
          spec.commandLine(), "--rebuild-online and --skip-online contradict each other");
    }
    // Asked for, or a Redis the workers read is named: a rebuild into a throwaway Redis is only a
    // rehearsal.
    boolean online = !skipOnline && (rebuildOnline || redis.url() != null);
    try {
      return BackfillOptions.of(file)
          .withFormat(
              HistoryFormat.parse(format), ColumnMapping.parse(map), timestampFormat, timeZone)
          .withReport(report != null ? report : BackfillOptions.defaultReport(file))
          .withBatching(batchSize, progressEvery)
          .withLabelDelay(labelDelay)
          .withRebuilds(!skipProfiles, online, replayThreads)
          .withMaxBadShare(BackfillOptions.parseShare(maxRejected));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    BackfillOptions options = options();
    if (!Files.isReadable(file)) {
      throw new BadInputException("cannot read --file=" + file);
    }
    PrintWriter out = spec.commandLine().getOut();
    TransactionParser parser = new TransactionParser(cards(out));
    try {
      // Before any store starts: a file that cannot be loaded fails here, within a second, with
      // every reason.
      HistoryFile.check(options, parser).describe().forEach(out::println);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
    out.flush();
    // Closed in reverse order of opening, whatever fails.
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource =
          OfflineStore.open(this.dataSource, embeddedPostgres, "backfill", out, resources);
      long begin = System.nanoTime();
      int applied = FeatureStoreSchema.migrate(dataSource);
      out.printf(
          "[backfill] schema up to date (%d migrations applied) in %.1f s%n",
          applied, (System.nanoTime() - begin) / 1e9);
      RedisOnlineFeatureStore online = options.rebuildOnline() ? online(out, resources) : null;
      BackfillSummary summary;
      try {
        summary = new HistoryBackfill(dataSource, online, parser, out::println).run(options);
      } catch (IllegalArgumentException e) {
        // The file's header or mapping: the message says which column to fix.
        throw new BadInputException(file + ": " + e.getMessage(), e);
      }
      out.print(summary.describe());
      if (options.rebuildOnline() && redis.url() == null) {
        out.println(
            "[backfill] note: the online state went into a throwaway embedded Redis (the application's is"
                + " in-memory too); pass --fraud.redis.url to rebuild a Redis the workers use.");
      } else if (!options.rebuildOnline()) {
        out.println(
            "[backfill] online state not rebuilt (pass --fraud.redis.url for the Redis the workers read, or"
                + " --rebuild-online)");
      }
      out.flush();
      return summary.tooManyBad() ? TOO_MANY_REFUSED : 0;
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  /**
   * The card key, so backfilled cards get the fingerprints screened payments get: the deployment's
   * ({@code --fraud.card.fingerprint-key}, or {@code FRAUD_CARD_FINGERPRINT_KEY}), else the local
   * one {@code ./fraud serve} keeps in {@code .data/}.
   */
  private CardTokenizer cards(PrintWriter out) {
    if (cardKey != null && !cardKey.isBlank()) {
      out.println("[backfill] card fingerprints keyed with --fraud.card.fingerprint-key");
      return CardTokenizer.fromBase64Key(cardKey);
    }
    out.println(
        "[backfill] card fingerprints keyed with "
            + LocalCardKey.DEFAULT_FILE
            + " (the local key; set --fraud.card.fingerprint-key to use a deployment's)");
    return CardTokenizer.fromBase64Key(LocalCardKey.loadOrCreate(LocalCardKey.DEFAULT_FILE));
  }

  private RedisOnlineFeatureStore online(PrintWriter out, List<AutoCloseable> resources) {
    String url = redis.url();
    if (url == null) {
      EmbeddedRedis server = EmbeddedRedis.start(0);
      resources.add(server);
      url = server.url();
      out.println("[backfill] embedded Redis at " + url + " (in-memory, discarded at exit)");
    } else {
      out.println("[backfill] Redis at " + Credentials.redact(url));
    }
    var jedis = RedisConnections.pooled(url, Duration.ofSeconds(5));
    resources.add(jedis);
    // The application's prefix (fraud.redis.key-prefix), so the workers read what is rebuilt here.
    return new RedisOnlineFeatureStore(
        jedis, OnlineStoreSettings.defaults().withKeyPrefix(redis.keyPrefix()));
  }

  /** The help ends with the CSV's columns, from the code that reads them, so it cannot go stale. */
  static final class CsvColumns implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
      List<String> footer = new ArrayList<>();
      footer.add("");
      footer.addAll(HistoryColumns.help().lines().toList());
      footer.add(
          "Labels without label_known_at are taken as known at the payment time plus --label-delay;");
      footer.add(
          "label_source defaults to import. Details: feature-lib, package io.fraudops.feature.backfill.");
      spec.usageMessage().footer(footer.toArray(String[]::new));
      return spec;
    }
  }
}
