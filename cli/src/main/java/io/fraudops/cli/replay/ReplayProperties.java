package io.fraudops.cli.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code replay} command: a seeded synthetic history is first written to the feature store
 * (warm-up, so customers have a past), then the following {@code transactions} are screened, one
 * process instance each, through the gateway.
 *
 * @param transactions how many payments to screen
 * @param warmup how many earlier payments only build the customers' history
 * @param seed the generator's seed: the same seed gives the same stream
 * @param customers size of the synthetic customer base
 * @param merchants size of the synthetic merchant base
 * @param fraudRate share of fraudulent payments in the stream
 * @param invalidRate share of malformed payloads (they end REJECTED)
 * @param inFlight how many instances may be undecided at once
 * @param timeout how long to wait for the last decisions before reporting what is missing
 * @param progressEvery how often to print progress
 * @param thenServe keep running afterwards with the HTTP API, so the waiting reviews can be worked
 * @param promoteAt with the model registry on: after this many payments, register {@code
 *     promoteLocation} as a new version and move the alias to it (0: never)
 * @param promoteLocation the model to promote; empty means {@code fraud.model.location}
 */
@ConfigurationProperties("fraud.replay")
public record ReplayProperties(
    @DefaultValue("5000") int transactions,
    @DefaultValue("30000") int warmup,
    @DefaultValue("42") long seed,
    @DefaultValue("2000") int customers,
    @DefaultValue("300") int merchants,
    @DefaultValue("0.02") double fraudRate,
    @DefaultValue("0.01") double invalidRate,
    @DefaultValue("16") int inFlight,
    @DefaultValue("5m") Duration timeout,
    @DefaultValue("2s") Duration progressEvery,
    @DefaultValue("false") boolean thenServe,
    @DefaultValue("0") int promoteAt,
    String promoteLocation) {

  public ReplayProperties {
    if (transactions < 1) {
      throw new IllegalArgumentException("fraud.replay.transactions must be at least 1");
    }
    if (warmup < 0 || customers < 1 || merchants < 1 || inFlight < 1) {
      throw new IllegalArgumentException(
          "fraud.replay warmup must be >= 0; customers, merchants and in-flight >= 1");
    }
  }
}
