package io.fraudops.model.inference;

/** What a configured model's score is used for. */
public enum ModelRole {
  /** Its score goes to the decision table. Exactly one per configuration. */
  DECISION,
  /**
   * Scored on the same features and recorded with the decision, never used for it (challengers).
   */
  SHADOW
}
