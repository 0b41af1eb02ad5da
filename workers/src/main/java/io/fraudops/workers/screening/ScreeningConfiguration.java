package io.fraudops.workers.screening;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
