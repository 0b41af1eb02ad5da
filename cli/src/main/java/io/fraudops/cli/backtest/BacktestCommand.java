package io.fraudops.cli.backtest;

import io.fraudops.cli.BadInputException;
import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.model.scoring.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./fraud backtest}: re-decides recorded payments with a candidate decision table, evaluated
 * by a Zeebe engine of its own on the inputs the live table read, and compares with the live
 * outcomes and the labels. Exit 4 past a {@code --max-*} limit, apart from 1 (a failure) and 2 (bad
 * input), so a pipeline can tell a refused table from a broken run.
 */
@Command(
    name = "backtest",
    header =
        "Re-decides recorded payments with a candidate decision table and compares with the live decisions.",
    description = {
      "Re-decides recorded payments with a candidate decision table (e.g. saved from Camunda Modeler), evaluated"
          + " by a Zeebe engine started for the purpose (the gateway's EvaluateDecision command) on the inputs the"
          + " live table read, and compares with the live outcomes and the fraud labels (analyst verdicts,"
          + " chargebacks): an outcome matrix, fraud caught and missed, false declines, review volume and examples"
          + " of each change, on the console and in a self-contained HTML report.",
      "Reads the workers' PostgreSQL (read-only): --spring.datasource.url, else the local one on"
          + " --fraud.embedded.postgres.port if ./fraud serve is running, else it starts that one on its data"
          + " directory for the time of the backtest."
    },
    exitCodeList = {
      "0:within the limits",
      "2:bad usage or input, or no payment in the period has recorded decision inputs",
      "4:the candidate raises false declines or reviews past a --max-* limit (a CI gate)"
    })
public final class BacktestCommand implements Callable<Integer> {

  static final int WITHIN_LIMITS = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int PAST_LIMITS = 4;
  static final String REPOSITORY_TABLE = "classpath:decision-tables/fraud-decision.dmn";

  /** {@code --baseline}'s name for the table this build deploys, {@link #REPOSITORY_TABLE}. */
  static final String REPOSITORY = "repository";

  @Option(
      names = "--dmn",
      paramLabel = "<file>",
      description = "The candidate decision table (.dmn).")
  Path dmn;

  @Option(
      names = "--from",
      paramLabel = "<when>",
      converter = When.From.class,
      description =
          "First payment received: a date (UTC) or an instant, e.g. 2026-11-01 or 2026-11-01T08:00:00Z."
              + " Default: the first recorded.")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "<when>",
      converter = When.To.class,
      description =
          "Last payment received; a date includes that whole day (UTC). Default: the last recorded.")
  Instant to;

  @Option(
      names = "--max-false-decline-increase",
      paramLabel = "<n|p%>",
      converter = Limit.Converter.class,
      description =
          "Exit 4 when the candidate declines more than n more payments without a fraud label than"
              + " the live table, or p%% more of the live figure. Default: no limit.")
  Limit maxFalseDeclineIncrease;

  @Option(
      names = "--max-review-increase",
      paramLabel = "<n|p%>",
      converter = Limit.Converter.class,
      description =
          "Exit 4 when the candidate sends more than n (or p%%) more payments to review. Default: no"
              + " limit.")
  Limit maxReviewIncrease;

  @Option(
      names = "--model",
      paramLabel = "<location>",
      description =
          "Re-score every payment with this model (a CatBoost .json/.cbm with its .meta.json sidecar, or"
              + " classpath:...) from the features recorded with its decision. Default: the recorded scores.")
  String model;

  @Option(
      names = "--thresholds",
      paramLabel = "<review,decline>",
      description =
          "Replace the recorded thresholds (which came with the score) by these, e.g. 0.4,0.8.")
  String thresholds;

  @Option(
      names = "--decision",
      paramLabel = "<id>",
      defaultValue = "fraud-decision",
      description = "The decision to evaluate in the file.")
  String decisionId;

  @Option(
      names = "--baseline",
      paramLabel = "<location>",
      defaultValue = REPOSITORY,
      description =
          "A table re-evaluated on the same inputs to check that they reproduce the recorded decisions:"
              + " repository (the table this build deploys), a file, or none to skip.")
  String baseline;

  @Option(
      names = "--report",
      paramLabel = "<file>",
      defaultValue = "backtest-report.html",
      description = "Where to write the HTML report.")
  Path report;

  @Option(
      names = "--examples",
      paramLabel = "<n>",
      defaultValue = "3",
      description =
          "Examples of each change on the console (the report shows " + BacktestReport.ROWS + ").")
  int examples;

  @Mixin DataSourceOptions dataSource;
  @Mixin EmbeddedPostgresOptions embeddedPostgres;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant start = from == null ? Instant.EPOCH : from;
    Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
    if (!start.isBefore(end)) {
      throw new ParameterException(spec.commandLine(), "--from must be before --to");
    }
    Map<String, Object> thresholdOverride = thresholdOverride();
    Table candidate = candidateTable();
    Table baselineTable =
        "none".equalsIgnoreCase(baseline)
            ? null
            : Table.read(REPOSITORY.equalsIgnoreCase(baseline) ? REPOSITORY_TABLE : baseline);
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Connection db = HistoryDatabase.open(dataSource, embeddedPostgres, out, resources);
      List<RecordedDecision> recorded = new RecordedDecisions(db).between(start, end);
      List<RecordedDecision> withInputs =
          recorded.stream().filter(r -> r.inputs() != null).toList();
      List<RecordedDecision> withoutInputs =
          recorded.stream().filter(r -> r.inputs() == null).toList();
      if (withInputs.isEmpty()) {
        throw new BadInputException(
            "no payment received "
                + period(start, end)
                + " has recorded decision inputs ("
                + recorded.size()
                + " decided without them). Screen some first, e.g. ./fraud replay.");
      }
      Rescorer rescorer = model == null ? null : rescorer();
      if (rescorer != null) {
        resources.add(rescorer);
      }
      List<Map<String, Object>> candidateInputs = new ArrayList<>(withInputs.size());
      for (RecordedDecision r : withInputs) {
        Map<String, Object> inputs = rescorer == null ? r.inputs() : rescorer.rescore(r.inputs());
        if (thresholdOverride != null) {
          inputs = new LinkedHashMap<>(inputs);
          inputs.put("thresholds", thresholdOverride);
        }
        candidateInputs.add(inputs);
      }

      out.printf(
          Locale.ROOT,
          "[backtest] re-deciding %,d payments with %s%s in an embedded engine%n",
          withInputs.size(),
          candidate.name(),
          baselineTable == null ? "" : " and " + baselineTable.name());
      out.flush();
      long began = System.nanoTime();
      List<Redecision> byCandidate;
      List<Redecision> byBaseline = null;
      try (DecisionEngine engine = DecisionEngine.start()) {
        long candidateKey = engine.deploy(candidate.fileName(), candidate.content(), decisionId);
        byCandidate = engine.evaluateAll(candidateKey, candidateInputs);
        if (baselineTable != null) {
          long baselineKey =
              engine.deploy(baselineTable.fileName(), baselineTable.content(), decisionId);
          byBaseline =
              engine.evaluateAll(
                  baselineKey, withInputs.stream().map(RecordedDecision::inputs).toList());
        }
      }
      out.printf(Locale.ROOT, "[backtest] done in %.1f s%n%n", (System.nanoTime() - began) / 1e9);

      List<Backtest.Row> rows = new ArrayList<>(withInputs.size());
      for (int i = 0; i < withInputs.size(); i++) {
        rows.add(
            new Backtest.Row(
                withInputs.get(i),
                byCandidate.get(i),
                byBaseline == null ? null : byBaseline.get(i)));
      }
      Backtest backtest = Backtest.compare(decisionId, rows, withoutInputs);
      List<Gate> gates = gates(backtest);
      BacktestRun run =
          new BacktestRun(
              candidate.name(),
              baselineTable == null ? null : baselineTable.name(),
              rescorer == null ? null : rescorer.version() + " (" + model + ")",
              thresholdOverride == null
                  ? null
                  : "review "
                      + thresholdOverride.get("review")
                      + ", decline "
                      + thresholdOverride.get("decline"),
              period(start, end));
      BacktestConsole.print(run, backtest, gates, examples, out);
      BacktestReport.write(run, backtest, gates, report);
      out.println();
      out.println("  report: " + report.toAbsolutePath().normalize());
      if (gates.stream().anyMatch(Gate::exceeded)) {
        out.println("  exit " + PAST_LIMITS + ": the candidate goes past a limit");
        return PAST_LIMITS;
      }
      return WITHIN_LIMITS;
    } finally {
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          resources.get(i).close();
        } catch (Exception e) {
          spec.commandLine()
              .getErr()
              .println(
                  "fraud backtest: closing "
                      + resources.get(i).getClass().getSimpleName()
                      + " failed: "
                      + e);
        }
      }
      out.flush();
    }
  }

  private Rescorer rescorer() {
    try {
      return Rescorer.load(model);
    } catch (ModelLoadException e) {
      throw new BadInputException("--model=" + model + ": " + e.getMessage(), e);
    }
  }

  private Table candidateTable() throws IOException {
    if (dmn != null) {
      if (!Files.isRegularFile(dmn)) {
        throw new BadInputException("--dmn=" + dmn + ": no such file");
      }
      return new Table(dmn.toString(), dmn.getFileName().toString(), Files.readAllBytes(dmn));
    }
    if (model == null && thresholds == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--dmn=<file> is required (or --model / --thresholds to try them with the repository's table)");
    }
    return Table.read(REPOSITORY_TABLE);
  }

  private Map<String, Object> thresholdOverride() {
    if (thresholds == null) {
      return null;
    }
    String[] parts = thresholds.split(",");
    double review;
    double decline;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      review = Double.parseDouble(parts[0].trim());
      decline = Double.parseDouble(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--thresholds takes REVIEW,DECLINE scores, e.g. 0.4,0.8; got " + thresholds);
    }
    if (!(review >= 0 && review <= decline && decline <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--thresholds: need 0 <= review <= decline <= 1, got " + thresholds);
    }
    return Map.of("review", review, "decline", decline);
  }

  private List<Gate> gates(Backtest b) {
    List<Gate> gates = new ArrayList<>();
    if (maxFalseDeclineIncrease != null) {
      gates.add(
          new Gate(
              "false declines",
              "max-false-decline-increase",
              maxFalseDeclineIncrease,
              b.live.falseDeclines(),
              b.candidate.falseDeclines()));
    }
    if (maxReviewIncrease != null) {
      gates.add(
          new Gate(
              "reviews",
              "max-review-increase",
              maxReviewIncrease,
              b.live.reviews(),
              b.candidate.reviews()));
    }
    return gates;
  }

  private static String period(Instant start, Instant end) {
    return (start.equals(Instant.EPOCH) ? "from the first" : "from " + start)
        + (end.getEpochSecond() >= Instant.parse("9999-01-01T00:00:00Z").getEpochSecond()
            ? " to the last"
            : " until " + end);
  }

  /** A decision table to deploy: where it came from, its file name and content. */
  record Table(String name, String fileName, byte[] content) {

    static Table read(String location) throws IOException {
      if (location.startsWith("classpath:")) {
        String path = location.substring("classpath:".length());
        try (InputStream in = BacktestCommand.class.getClassLoader().getResourceAsStream(path)) {
          if (in == null) {
            throw new BadInputException(location + ": not on the classpath");
          }
          return new Table(location, Path.of(path).getFileName().toString(), in.readAllBytes());
        }
      }
      Path file = Path.of(location);
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(location + ": no such file");
      }
      return new Table(location, file.getFileName().toString(), Files.readAllBytes(file));
    }
  }

  /** {@code --from}/{@code --to}: a date (UTC) or an instant. */
  abstract static class When implements ITypeConverter<Instant> {

    abstract Instant ofDate(LocalDate date);

    @Override
    public Instant convert(String value) {
      try {
        return value.length() <= 10 ? ofDate(LocalDate.parse(value)) : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is neither a date (2026-11-30) nor an instant (2026-11-30T08:00:00Z)");
      }
    }

    static final class From extends When {
      @Override
      Instant ofDate(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
    }

    /** A date includes its whole day. */
    static final class To extends When {
      @Override
      Instant ofDate(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
    }
  }
}
