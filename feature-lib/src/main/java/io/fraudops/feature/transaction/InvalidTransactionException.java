package io.fraudops.feature.transaction;

import java.util.List;
import java.util.Objects;

/**
 * A payment payload that cannot be screened. Carries every problem found, not just the first, so
 * the sender can fix a payload in one round. Messages never contain a card number.
 */
public class InvalidTransactionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidTransactionException(List<String> problems) {
    super(String.join("; ", requireSome(problems)));
    this.problems = List.copyOf(problems);
  }

  public InvalidTransactionException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }

  private static List<String> requireSome(List<String> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid transaction needs at least one problem");
    }
    return problems;
  }
}
