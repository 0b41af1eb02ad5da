package io.fraudops.workers.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needs PostgreSQL while it is out (the {@code postgres} breaker open, a connection
 * or a statement timing out) answers 503 with {@code Retry-After}, not 500: the caller did nothing
 * wrong and the same request will work once the database is back. The payment ledger is keyed by
 * the transaction id, so a payment system retries with the same id and nothing is screened twice.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

  private final DependencyBreakers breakers;
  private final Duration retryAfter;

  DatabaseUnavailableAdvice(DependencyBreakers breakers, PostgresTimeouts timeouts) {
    this.breakers = breakers;
    // The probe closes the breaker at its first look that succeeds, so a retry is worth it after
    // about two looks; waiting for the breaker's own open interval would be needlessly long.
    this.retryAfter = timeouts.probeInterval().plus(timeouts.probeTimeout()).multipliedBy(2);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Map<String, Object>> unavailable(RuntimeException e) {
    // Logged at DEBUG only: the outage itself is logged once per state change by the breaker's log.
    log.debug("Answered 503: PostgreSQL unavailable", e);
    // While the breaker is open its last failure says why; otherwise this request's own failure
    // does.
    String cause =
        breakers.isUp(Dependency.POSTGRES) ? null : breakers.lastError(Dependency.POSTGRES);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "error",
        "PostgreSQL, which holds the payment ledger, is unavailable ("
            + (cause == null ? OutageLog.describe(e) : cause)
            + "). Retry later with the same transaction id: a payment already accepted is not screened twice.");
    body.put("dependency", "postgres");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(
            HttpHeaders.RETRY_AFTER,
            Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)))
        .body(body);
  }
}
