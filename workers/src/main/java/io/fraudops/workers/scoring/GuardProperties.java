package io.fraudops.workers.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The promotion guard: before a new model or inference configuration serves, it scores the recent
 * traffic with both and refuses the new one when its behaviour leaves these bounds.
 *
 * @param enabled check every promotion
 * @param sampleSize how many recent payments are kept to compare on
 * @param minSample fewer recent payments than this (a fresh start) and the comparison is skipped,
 *     said so
 * @param maxDeclineRateChange largest change of the share of payments scored at or above the
 *     decline cut-off
 * @param maxReviewRateChange largest change of the share scored between the review and decline
 *     cut-offs
 * @param maxScorePsi largest population stability index of the new scores against the serving ones
 * @param maxMappingPsi largest PSI of a mapped input's source feature, on recent traffic, against
 *     the model's training distribution of that input: a PSI of 1 or more is no rename of the same
 *     quantity
 */
@ConfigurationProperties("fraud.model.guard")
public record GuardProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2000") int sampleSize,
    @DefaultValue("200") int minSample,
    @DefaultValue("0.05") double maxDeclineRateChange,
    @DefaultValue("0.10") double maxReviewRateChange,
    @DefaultValue("0.25") double maxScorePsi,
    @DefaultValue("1.0") double maxMappingPsi) {

  /** No guard: for pollers built by hand (tests, tools) that compare nothing. */
  public static final GuardProperties OFF =
      new GuardProperties(false, 1, 1, 1, 1, Double.MAX_VALUE, Double.MAX_VALUE);
}
