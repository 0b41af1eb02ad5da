package io.fraudops.cli.backtest;

/**
 * What a backtest was asked to compare, as the summary and the report name it.
 *
 * @param candidate the candidate table's file
 * @param baseline the table that re-decided the recorded inputs to check them, or null
 * @param model the model that re-scored the payments, or null when the recorded scores were kept
 * @param period the payments' reception period, as text
 */
record BacktestRun(
    String candidate, String baseline, String model, String thresholds, String period) {}
