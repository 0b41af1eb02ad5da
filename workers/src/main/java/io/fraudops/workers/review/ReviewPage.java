package io.fraudops.workers.review;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The review page of local runs, at {@code /review/}: pending reviews riskiest first, each shown
 * with the review form ({@code forms/manual-review.form}) rendered by form-js as Tasklist renders
 * it, completed through {@code POST /reviews/{key}} like any other client. Static files only
 * ({@code review-page/} with a vendored form-js, see {@code tools/review-page}); served only where
 * the review inbox is, since with a cluster the analysts work in Tasklist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fraud.review.mode", havingValue = "job-worker")
class ReviewPage implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // The same form files the deployer deploys, so the page shows what Tasklist would.
    registry.addResourceHandler("/review/forms/**").addResourceLocations("classpath:/forms/");
    registry.addResourceHandler("/review/**").addResourceLocations("classpath:/review-page/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/review", "/review/");
    registry.addViewController("/review/").setViewName("forward:/review/index.html");
  }
}
