package io.fraudops.workers.screening;

import io.fraudops.feature.transaction.TransactionParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TransactionParser transactionParser(Clock clock) {
    return new TransactionParser(clock);
  }
}
