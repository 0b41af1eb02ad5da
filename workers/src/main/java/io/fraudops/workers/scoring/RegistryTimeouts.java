package io.fraudops.workers.scoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the poller waits on the S3 store of the registry: a stalled store costs a poll this long
 * at most, never a payment (scoring does not wait on the poller).
 *
 * @param connect to open a connection
 * @param read between two reads (or writes) of a request, a model download included
 */
@ConfigurationProperties("fraud.model.registry.timeouts")
public record RegistryTimeouts(
    @DefaultValue("2s") Duration connect, @DefaultValue("30s") Duration read) {

  public RegistryTimeouts {
    if (connect == null
        || connect.isNegative()
        || connect.isZero()
        || read == null
        || read.isNegative()
        || read.isZero()) {
      throw new IllegalArgumentException(
          "fraud.model.registry.timeouts.connect and .read must be positive (got "
              + connect
              + ", "
              + read
              + ")");
    }
  }
}
