package io.fraudops.workers.resilience;

/**
 * What the workers depend on, each behind one circuit breaker of the same name ({@code
 * resilience4j.circuitbreaker.instances.<name>}), one health component and one {@code
 * fraud_dependency_*} series.
 *
 * @param consequence what an outage means for payments, for the log line that reports it
 */
public enum Dependency {
  REDIS(
      "redis",
      "Redis (online feature store)",
      "payments go to review with the reason until it answers"),
  POSTGRES(
      "postgres",
      "PostgreSQL",
      "payments whose profile is not cached go to review; decisions are recorded once it answers (jobs retry with backoff)"),
  MODEL_REGISTRY(
      "model-registry",
      "The model registry",
      "the model served now keeps serving; no promotion is picked up");

  private final String id;
  private final String description;
  private final String consequence;

  Dependency(String id, String description, String consequence) {
    this.id = id;
    this.description = description;
    this.consequence = consequence;
  }

  /** The breaker's name, the metrics' {@code dependency} tag. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public String consequence() {
    return consequence;
  }
}
