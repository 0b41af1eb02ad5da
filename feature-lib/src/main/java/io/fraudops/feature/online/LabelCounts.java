package io.fraudops.feature.online;

/**
 * Labels of one merchant or category known in the label window before a transaction, and how many
 * said fraud.
 */
public record LabelCounts(long labels, long fraud) {

  public static final LabelCounts NONE = new LabelCounts(0, 0);

  public LabelCounts {
    if (labels < 0 || fraud < 0 || fraud > labels) {
      throw new IllegalArgumentException(
          "need 0 <= fraud <= labels (got " + fraud + " of " + labels + ")");
    }
  }
}
