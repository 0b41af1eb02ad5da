package io.fraudops.workers.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

  @Bean
  ReviewMode reviewMode(ReviewProperties properties) {
    return properties.mode();
  }
}
