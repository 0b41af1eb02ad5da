package io.fraudops.model.inference;

import java.util.List;

/** A configuration that must not go live, with every problem found in it. */
public final class InvalidInferenceConfigException extends RuntimeException {

  private final List<String> problems;

  public InvalidInferenceConfigException(String source, List<String> problems) {
    super("inference config " + source + " rejected: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
