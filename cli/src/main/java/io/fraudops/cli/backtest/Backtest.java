package io.fraudops.cli.backtest;

import io.fraudops.workers.process.RoutedOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The comparison of a candidate table with the live decisions over the same recorded payments:
 * where each payment moves, the figures of both sides, which rules fire, and whether the live table
 * as given reproduces what was recorded (if not, the inputs or the table differ from what decided
 * then).
 */
final class Backtest {

  /**
   * One payment: as recorded, as the candidate decides it, and as the baseline table decides it (or
   * null).
   */
  record Row(RecordedDecision recorded, Redecision candidate, Redecision baseline) {

    boolean moved() {
      return candidate.outcome() != recorded.live();
    }

    boolean reproduced() {
      return baseline != null
          && baseline.outcome() == recorded.live()
          && (recorded.liveRule() == null || Objects.equals(baseline.rule(), recorded.liveRule()));
    }
  }

  /** A change of route from the live table to the candidate. */
  record Move(RoutedOutcome from, RoutedOutcome to) {
    @Override
    public String toString() {
      return from + " → " + to;
    }
  }

  /**
   * Labelled fraud first, then confirmed genuine, then the riskiest: the examples a risk owner
   * looks at first.
   */
  static final Comparator<Row> EXAMPLE_ORDER =
      Comparator.<Row>comparingInt(r -> r.recorded().truth().ordinal())
          .thenComparing(
              r -> r.recorded().score() == null ? 1.0 : r.recorded().score(),
              Comparator.reverseOrder())
          .thenComparing(r -> r.recorded().transactionId());

  final String decisionId;
  final List<Row> rows;
  final List<Row> failures;
  final List<RecordedDecision> withoutInputs;
  final Figures live;
  final Figures candidate;
  final long[][] matrix;
  final Map<Move, List<Row>> moves;
  final long sameOutcomeOtherRule;
  final boolean baselineChecked;
  final long reproduced;
  final List<Row> notReproduced;

  /** Per rule name: how many payments it decided live, and with the candidate. */
  final Map<String, long[]> ruleHits;

  private Backtest(String decisionId, List<Row> evaluated, List<RecordedDecision> withoutInputs) {
    this.decisionId = decisionId;
    this.withoutInputs = List.copyOf(withoutInputs);
    List<Row> ok = new ArrayList<>();
    List<Row> failed = new ArrayList<>();
    evaluated.forEach(r -> (r.candidate().failed() ? failed : ok).add(r));
    this.rows = List.copyOf(ok);
    this.failures = List.copyOf(failed);

    Figures.Counter liveCounter = new Figures.Counter();
    Figures.Counter candidateCounter = new Figures.Counter();
    long[][] cells = new long[RoutedOutcome.values().length][RoutedOutcome.values().length];
    Map<Move, List<Row>> byMove = new LinkedHashMap<>();
    Map<String, long[]> hits = new TreeMap<>();
    long otherRule = 0;
    for (Row row : rows) {
      RoutedOutcome from = row.recorded().live();
      RoutedOutcome to = row.candidate().outcome();
      liveCounter.add(from, row.recorded().truth());
      candidateCounter.add(to, row.recorded().truth());
      cells[from.ordinal()][to.ordinal()]++;
      if (from != to) {
        byMove.computeIfAbsent(new Move(from, to), m -> new ArrayList<>()).add(row);
      } else if (row.recorded().liveRule() != null
          && !row.recorded().liveRule().equals(row.candidate().rule())) {
        otherRule++;
      }
      hits.computeIfAbsent(name(row.recorded().liveRule()), k -> new long[2])[0]++;
      hits.computeIfAbsent(name(row.candidate().rule()), k -> new long[2])[1]++;
    }
    this.live = liveCounter.figures();
    this.candidate = candidateCounter.figures();
    this.matrix = cells;
    Map<Move, List<Row>> ordered = new LinkedHashMap<>();
    byMove.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<Move, List<Row>> e) -> -e.getValue().size())
                .thenComparing(e -> e.getKey().toString()))
        .forEach(
            e -> ordered.put(e.getKey(), e.getValue().stream().sorted(EXAMPLE_ORDER).toList()));
    this.moves = ordered;
    this.sameOutcomeOtherRule = otherRule;
    this.ruleHits = hits;
    this.baselineChecked = rows.stream().anyMatch(r -> r.baseline() != null);
    this.reproduced = rows.stream().filter(Row::reproduced).count();
    this.notReproduced =
        baselineChecked ? rows.stream().filter(r -> !r.reproduced()).toList() : List.of();
  }

  static Backtest compare(
      String decisionId, List<Row> evaluated, List<RecordedDecision> withoutInputs) {
    return new Backtest(decisionId, evaluated, withoutInputs);
  }

  long moved() {
    return moves.values().stream().mapToLong(List::size).sum();
  }

  /** The routes that occur on either side, in the enum's order, for the matrix. */
  List<RoutedOutcome> routes() {
    List<RoutedOutcome> routes = new ArrayList<>();
    for (RoutedOutcome o : RoutedOutcome.values()) {
      boolean used = false;
      for (RoutedOutcome p : RoutedOutcome.values()) {
        used |= matrix[o.ordinal()][p.ordinal()] > 0 || matrix[p.ordinal()][o.ordinal()] > 0;
      }
      if (used || o != RoutedOutcome.OTHER) {
        routes.add(o);
      }
    }
    return routes;
  }

  long cell(RoutedOutcome live, RoutedOutcome candidate) {
    return matrix[live.ordinal()][candidate.ordinal()];
  }

  private static String name(String rule) {
    return rule == null ? "(none recorded)" : rule;
  }
}
