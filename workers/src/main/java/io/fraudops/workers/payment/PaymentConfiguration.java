package io.fraudops.workers.payment;

import io.fraudops.workers.features.UndecidedPayments;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  @Bean
  UndecidedPayments undecidedPayments(DataSource dataSource) {
    return new LedgerUndecidedPayments(dataSource);
  }

  @Bean
  AnswerWaiters answerWaiters() {
    return new AnswerWaiters();
  }

  @Bean
  LedgerListener ledgerListener(DataSource dataSource, AnswerWaiters waiters) {
    return new LedgerListener(dataSource, waiters);
  }
}
