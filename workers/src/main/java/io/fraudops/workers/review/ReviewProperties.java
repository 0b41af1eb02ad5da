package io.fraudops.workers.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode TASKLIST against a real cluster; the embedded engine switches it to JOB_WORKER
 * @param holdFor how long the inbox holds a review job before the engine may hand it out again
 */
@ConfigurationProperties("fraud.review")
public record ReviewProperties(
    @DefaultValue("tasklist") ReviewMode mode, @DefaultValue("7d") Duration holdFor) {}
