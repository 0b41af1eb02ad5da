package io.fraudops.workers.chargeback;

import io.fraudops.feature.chargeback.Chargebacks;
import io.fraudops.feature.online.OnlineFeatureStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChargebackConfiguration {

  @Bean
  Chargebacks chargebacks(DataSource dataSource, OnlineFeatureStore online, Clock clock) {
    return new Chargebacks(dataSource, online, clock);
  }
}
