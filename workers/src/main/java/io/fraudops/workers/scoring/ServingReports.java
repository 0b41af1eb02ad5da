package io.fraudops.workers.scoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the poller tells people — counters, log lines and the {@link ServingStatus} — each problem
 * once: a broken configuration or an alias that resolves to nothing is seen at every poll, and a
 * log line every ten seconds would bury it. Only the poller's thread calls the reporting methods.
 */
final class ServingReports {

  private static final Logger log = LoggerFactory.getLogger(ServingPoller.class);

  private final ServingModel serving;
  private final ServingMetrics metrics;
  private String rejectedConfigVersion;
  private String reportedRejection;
  private volatile ServingStatus status;

  ServingReports(ServingModel serving, MeterRegistry meters) {
    this.serving = serving;
    this.metrics = new ServingMetrics(meters);
    // True from the first second: the bundled model serves until the registry's first answer.
    this.status = ServingStatus.serving(serving.describe(), serving.current().configVersion, null);
  }

  ServingStatus status() {
    return status;
  }

  /** Whether this configuration version was already refused: it is not read again. */
  boolean refused(String configVersion) {
    return configVersion.equals(rejectedConfigVersion);
  }

  void swapped(String configVersion) {
    metrics.swapped();
    reportedRejection = null;
    status = ServingStatus.serving(serving.describe(), configVersion, status.lastRejection());
  }

  void servingFallback(String configVersion, String why) {
    metrics.rejected();
    String message = "decision model rejected, serving the fallback version: " + why;
    log.error(message);
    status = ServingStatus.serving(serving.describe(), configVersion, message);
  }

  /**
   * A model change within the live configuration (an alias moved to a bad version, or to nothing).
   */
  void modelChangeRejected(String why) {
    String message = "model change rejected: " + why;
    if (message.equals(reportedRejection)) {
      return;
    }
    reportedRejection = message;
    metrics.rejected();
    log.warn("{}; still serving {}", message, serving.describe());
    status = ServingStatus.serving(serving.describe(), serving.current().configVersion, message);
  }

  void configRejected(String configVersion, String message) {
    if (refused(configVersion)) {
      return;
    }
    rejectedConfigVersion = configVersion;
    metrics.configRejected();
    log.error(
        "{}; still serving {} with config {}",
        message,
        serving.describe(),
        serving.current().configVersion);
    status = ServingStatus.serving(serving.describe(), serving.current().configVersion, message);
  }
}
