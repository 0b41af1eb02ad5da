package io.fraudops.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The production application: the screening job workers, the HTTP API, the serving poller and the
 * decision audit, against the Camunda 8 cluster, PostgreSQL, Redis and S3 store it is configured
 * with. Locally, {@code ./fraud serve} runs the same application on the local runtime's stand-ins.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FraudWorkersApplication {

  public static void main(String[] args) {
    SpringApplication.run(FraudWorkersApplication.class, args);
  }
}
