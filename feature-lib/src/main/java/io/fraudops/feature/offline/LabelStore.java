package io.fraudops.feature.offline;

import io.fraudops.feature.history.LabelEvent;
import java.util.Collection;

/** Where fraud labels are kept, each with the instant it became known. */
public interface LabelStore {

  /**
   * Records the label once per transaction and source: recording it again (a retried job, a re-run
   * backfill) changes nothing, and the first known verdict keeps its instant, so an export re-run
   * later gives the same answer.
   *
   * @return true when the label was new
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the store cannot be written
   */
  boolean record(LabelEvent label);

  /**
   * Records many labels in batches, with the semantics of {@link #record(LabelEvent)}.
   *
   * @return how many were new
   */
  int recordAll(Collection<LabelEvent> labels);
}
