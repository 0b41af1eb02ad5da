package io.fraudops.workers.payment;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The payment system's API: screen a payment and get the decision in the same call, or its state
 * later. See docs/payment-api.md for how a payment system uses it.
 */
@RestController
@RequestMapping("/transactions")
class PaymentController {

  private static final Pattern PREFER_WAIT = Pattern.compile("(?i)\\bwait\\s*=\\s*(\\d{1,4})");

  private final PaymentIntake intake;
  private final PaymentLedger ledger;
  private final LedgerProperties properties;

  PaymentController(PaymentIntake intake, PaymentLedger ledger, LedgerProperties properties) {
    this.intake = intake;
    this.ledger = ledger;
    this.properties = properties;
  }

  /**
   * 200 with APPROVED, DECLINED or REVIEW_PENDING when known within the deadline, 202 with the
   * status URL otherwise; 422 REJECTED for an invalid payment; 409 when the id was used for another
   * payload.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> screen(
      @RequestBody Map<String, Object> payment,
      @RequestHeader(value = "Prefer", required = false) String prefer) {
    // The instance is started without holding this thread: the answer is bounded by the deadline
    // alone, and a start the engine is slow to take (a backlog) or refuses is retried by the
    // recovery from the ledger, where the payment already is.
    return switch (intake.submitAsync(payment, "api").submission()) {
      case Submission.Rejected rejected ->
          ResponseEntity.unprocessableEntity()
              .body(
                  new Answer(
                      payment.get("transactionId") instanceof String id ? id : null,
                      Answer.AnswerStatus.REJECTED,
                      String.join("; ", rejected.problems()),
                      "INVALID_TRANSACTION",
                      null,
                      null,
                      null,
                      "engine",
                      null,
                      null,
                      null,
                      null));
      case Submission.Conflict conflict -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
            "error",
            "transaction id "
                + conflict.transactionId()
                + " was already accepted with another payload (digest "
                + conflict.existingDigest()
                + "); this payload's digest is "
                + conflict.offeredDigest()
                + ". Retry with the same payload, or use a new transaction id.");
        body.put("transactionId", conflict.transactionId());
        body.put("existingDigest", conflict.existingDigest());
        body.put("offeredDigest", conflict.offeredDigest());
        yield ResponseEntity.status(HttpStatus.CONFLICT).body(body);
      }
      case Submission.Accepted accepted ->
          respond(intake.await(accepted.payment().transactionId(), deadline(prefer)));
    };
  }

  @GetMapping("/{transactionId}")
  ResponseEntity<Answer> status(@PathVariable String transactionId) {
    return ledger
        .find(transactionId)
        .map(p -> ResponseEntity.ok(Answers.of(p).withHistory(ledger.history(transactionId))))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private ResponseEntity<?> respond(Answer answer) {
    URI location =
        URI.create("/transactions/" + UriUtils.encodePathSegment(answer.transactionId(), "UTF-8"));
    if (answer.status() == Answer.AnswerStatus.PENDING) {
      return ResponseEntity.accepted().location(location).body(answer);
    }
    return ResponseEntity.ok().location(location).body(answer);
  }

  /** {@code Prefer: wait=5} (RFC 7240) asks for another deadline, up to the configured maximum. */
  private Duration deadline(String prefer) {
    if (prefer != null) {
      Matcher matcher = PREFER_WAIT.matcher(prefer);
      if (matcher.find()) {
        Duration asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        return asked.compareTo(properties.maxAnswerDeadline()) > 0
            ? properties.maxAnswerDeadline()
            : asked;
      }
    }
    return properties.answerDeadline();
  }
}
