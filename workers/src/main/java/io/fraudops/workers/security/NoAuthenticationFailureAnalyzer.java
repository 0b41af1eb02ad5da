package io.fraudops.workers.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refusal to start open into Boot's "APPLICATION FAILED TO START" with what to configure.
 */
public class NoAuthenticationFailureAnalyzer
    extends AbstractFailureAnalyzer<NoAuthenticationConfiguredException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, NoAuthenticationConfiguredException cause) {
    return new FailureAnalysis(
        "No way to authenticate callers of the HTTP API is configured: neither fraud.security.users nor a JWT"
            + " issuer. The API is never served open.",
        NoAuthenticationConfiguredException.ACTION,
        cause);
  }
}
