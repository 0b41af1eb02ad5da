package io.fraudops.cli.training;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import java.util.List;

/** The workers compute only the catalogue's features: a model needing another could never score. */
final class ServableFeatures {

  private ServableFeatures() {}

  /**
   * @param what how the message names the features ("feature columns", "the model's features")
   * @throws IllegalArgumentException listing the features the catalogue lacks, and the ones it has
   */
  static void require(String what, List<String> features) {
    FeatureCatalogue catalogue = FeatureCatalogue.current();
    List<String> unknown = features.stream().filter(name -> catalogue.indexOf(name) < 0).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " "
              + unknown
              + " are not in the feature catalogue (version "
              + catalogue.version()
              + "), so the workers could not serve a model using them. Known features: "
              + catalogue.names());
    }
  }
}
