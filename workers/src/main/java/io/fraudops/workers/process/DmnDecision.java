package io.fraudops.workers.process;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The decision table's result ({@code decision}): outcome, the readable reason and the rule's name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DmnDecision(RoutedOutcome outcome, String reason, String rule) {}
