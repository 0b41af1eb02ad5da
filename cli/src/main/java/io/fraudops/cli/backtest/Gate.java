package io.fraudops.cli.backtest;

import java.util.Locale;

/**
 * One limit a CI job sets on a candidate: the figure, its option, and how live and candidate
 * compare.
 */
record Gate(String figure, String option, Limit limit, long live, long candidate) {

  boolean exceeded() {
    return limit.exceeded(live, candidate);
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%s %+,d (live %,d → candidate %,d), at most %s allowed (--%s=%s): %s",
        figure,
        candidate - live,
        live,
        candidate,
        limit.relative() ? "+" + limit.allowed(live) + " = " + limit : "+" + limit,
        option,
        limit,
        exceeded() ? "EXCEEDED" : "ok");
  }
}
