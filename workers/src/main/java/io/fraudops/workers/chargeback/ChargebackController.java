package io.fraudops.workers.chargeback;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.chargeback.Chargeback;
import io.fraudops.feature.chargeback.Chargebacks;
import io.fraudops.feature.chargeback.UnknownTransactionException;
import io.fraudops.workers.payment.PaymentLedger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chargebacks reported by the issuer or the payment system: each labels its payment as fraud for
 * the training export and the merchant and category fraud rates (feature-lib's {@link
 * Chargebacks}). {@code ./fraud chargeback} does the same from the command line.
 */
@RestController
@RequestMapping("/chargebacks")
class ChargebackController {

  private final Chargebacks chargebacks;
  private final PaymentLedger ledger;

  ChargebackController(Chargebacks chargebacks, PaymentLedger ledger) {
    this.chargebacks = chargebacks;
    this.ledger = ledger;
  }

  /**
   * The body: the payment's transaction id, the reason given and the day it was reported
   * (YYYY-MM-DD).
   */
  record ChargebackRequest(String transactionId, String reason, String date) {}

  /** 201 when recorded now, 200 when it was already (with the first report's values). */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> report(@RequestBody ChargebackRequest request) {
    Chargebacks.Recorded recorded =
        chargebacks.record(
            Chargeback.of(request.transactionId(), request.reason(), request.date()));
    if (recorded.created()) {
      // Payments screened by the workers have a ledger row; historical ones (backfill) do not.
      ledger.note(
          recorded.transactionId(),
          null,
          "chargeback reported on " + recorded.date() + ": " + recorded.reason());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transactionId", recorded.transactionId());
    body.put("fraud", true);
    body.put("source", "chargeback");
    body.put("reason", recorded.reason());
    body.put("date", recorded.date().toString());
    body.put("knownAt", recorded.knownAt().toString());
    body.put("created", recorded.created());
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(body);
  }

  @ExceptionHandler(UnknownTransactionException.class)
  ResponseEntity<Map<String, String>> unknown(UnknownTransactionException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", e.getMessage(), "transactionId", e.transactionId()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(
            Map.of(
                "error",
                "expected a JSON object {\"transactionId\": ..., \"reason\": ..., \"date\": \"YYYY-MM-DD\"}"));
  }

  @ExceptionHandler(FeatureStoreUnavailableException.class)
  ResponseEntity<Map<String, String>> unavailable(FeatureStoreUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("error", e.getMessage() + "; repeat the call: it records nothing twice"));
  }
}
