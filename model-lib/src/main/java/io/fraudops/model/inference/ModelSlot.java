package io.fraudops.model.inference;

import java.util.Objects;

/** One model of the configuration and what its score is for. */
public record ModelSlot(ModelRef model, ModelRole role) {

  public ModelSlot {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(role, "role");
  }
}
