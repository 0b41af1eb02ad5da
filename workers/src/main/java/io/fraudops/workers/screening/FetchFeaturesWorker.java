package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads and records the payment's features. A store outage does not fail the job: the features
 * come back marked incomplete with the reason, and the decision table sends the payment to review.
 */
@Component
public class FetchFeaturesWorker {

  private final ScreeningVariables variables;
  private final FeatureService features;
  private final Timer latency;

  FetchFeaturesWorker(ScreeningVariables variables, FeatureService features, MeterRegistry meters) {
    this.variables = variables;
    this.features = features;
    this.latency = Timer.builder("fraud.features.latency").publishPercentileHistogram().register(meters);
  }

  @JobWorker(type = "fraud.fetch-features", fetchVariables = ScreeningVariables.TRANSACTION)
  public Map<String, Object> fetch(ActivatedJob job) {
    var tx = variables.validated(job.getVariablesAsMap());
    long start = System.nanoTime();
    FeatureResult result = features.featuresFor(tx);
    latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    Map<String, Object> out = new HashMap<>();
    out.put("features", result.vector().toMap());
    out.put("featuresComplete", result.complete());
    out.put("degradedReason", result.degradedReason());
    return out;
  }
}
