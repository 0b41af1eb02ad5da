package io.fraudops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools run without Spring, whose logging setup would otherwise tame Logback's default of DEBUG
 * for every library; their own output goes to standard out.
 */
public final class QuietLogs {

  private QuietLogs() {}

  public static void apply() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
    // A tool that starts the embedded engine (backtest) got Micrometer's "Gauge has been already
    // registered"
    // for one of the engine's gauges in the middle of its output: the gauge still reports, nothing
    // to act on.
    if (LoggerFactory.getLogger("io.micrometer.core.instrument.MeterRegistry")
        instanceof Logger meters) {
      meters.setLevel(Level.ERROR);
    }
  }
}
