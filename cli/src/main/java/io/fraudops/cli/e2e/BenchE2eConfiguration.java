package io.fraudops.cli.e2e;

import io.fraudops.cli.replay.ReplayWarmUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Adds the bench's beans (profile {@value #PROFILE}) to the screening application's context: its
 * runner, and the interceptor that watches the application's own Camunda client (picked up with
 * every other gRPC interceptor bean when the client is built), and the replay's history writer.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(ReplayWarmUp.class)
@Profile(BenchE2eConfiguration.PROFILE)
public class BenchE2eConfiguration {

  public static final String PROFILE = "bench-e2e";

  @Bean
  JobTraffic applicationJobTraffic() {
    return new JobTraffic();
  }

  @Bean
  InFlight benchInFlight() {
    return new InFlight();
  }
}
