package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.workers.process.ScreenedPayment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Reads and records the payment's features. A store outage does not fail the job: the features come
 * back marked incomplete with the reason, and the decision table sends the payment to review.
 */
@Component
public class FetchFeaturesWorker {

  private final FeatureService features;
  private final Timer latency;

  FetchFeaturesWorker(FeatureService features, MeterRegistry meters) {
    this.features = features;
    this.latency =
        Timer.builder("fraud.features.latency").publishPercentileHistogram().register(meters);
  }

  /** What this worker reads: the validated payment. */
  public record Input(ScreenedPayment transaction) {}

  /** What it adds: feature name to value; false with the reason when a store was unavailable. */
  public record FeaturesFetched(
      Map<String, Double> features, boolean featuresComplete, String degradedReason) {}

  @JobWorker(type = "fraud.fetch-features")
  public FeaturesFetched fetch(@VariablesAsType Input input) {
    long start = System.nanoTime();
    FeatureResult result = features.featuresFor(input.transaction().toTransaction());
    latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return new FeaturesFetched(result.vector().toMap(), result.complete(), result.degradedReason());
  }
}
