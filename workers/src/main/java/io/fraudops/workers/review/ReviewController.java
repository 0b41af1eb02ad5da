package io.fraudops.workers.review;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists and decides pending reviews of the embedded runtime (Tasklist does this on a cluster). */
@RestController
@RequestMapping("/reviews")
@ConditionalOnProperty(name = "fraud.review.mode", havingValue = "job-worker")
class ReviewController {

  private final ReviewInbox inbox;

  ReviewController(ReviewInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping
  List<PendingReview> pending() {
    return inbox.pending();
  }

  @GetMapping("/{key}")
  ResponseEntity<PendingReview> one(@PathVariable long key) {
    return ResponseEntity.of(inbox.find(key));
  }

  /** Decides as the authenticated analyst: the audit and the label name whoever authenticated. */
  @PostMapping("/{key}")
  Map<String, Object> decide(
      @PathVariable long key, @RequestBody ReviewRequest request, Authentication analyst) {
    ReviewOutcome outcome = request.by(analyst.getName());
    PendingReview review = inbox.complete(key, outcome);
    return Map.of(
        "key", key,
        "transactionId", String.valueOf(review.transactionId()),
        "decision", outcome.decision(),
        "reviewedBy", outcome.reviewedBy());
  }

  @ExceptionHandler(ReviewInbox.UnknownReviewException.class)
  ResponseEntity<Map<String, String>> unknown(ReviewInbox.UnknownReviewException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> invalid(HttpMessageNotReadableException e) {
    if (e.getCause() == null) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "error",
                  "a JSON body is required: {\"decision\": \"APPROVE\" or \"DECLINE\", \"comment\": \"...\"}"));
    }
    // The request validates itself; show its message, not Jackson's wrapper.
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(cause.getMessage())));
  }
}
