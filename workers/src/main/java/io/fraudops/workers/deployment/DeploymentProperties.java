package io.fraudops.workers.deployment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled deploy the process, the decision table and the form at start
 * @param maxWait how long a gateway that is starting or unreachable is retried before the start
 *     fails
 * @param decisionPolicy whether the repository's decision table is deployed (see {@link
 *     DecisionPolicy})
 */
@ConfigurationProperties("fraud.deployment")
public record DeploymentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("3m") Duration maxWait,
    @DefaultValue("keep-deployed") DecisionPolicy decisionPolicy) {}
