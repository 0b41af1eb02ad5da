package io.fraudops.workers.drift;

import io.fraudops.model.drift.DriftSnapshot;
import io.fraudops.model.drift.DriftTable;
import io.fraudops.model.drift.DriftWindow;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The served model's drift for people and scripts: {@code GET /drift} as JSON, {@code GET
 * /drift/table} as the same table the {@code drift} command prints. Always 200: a model without a
 * reference is an answer, not a missing resource.
 */
@RestController
@RequestMapping("/drift")
class DriftController {

  private final DriftSource source;

  /**
   * @param source null until something serves drift windows
   */
  DriftController(@Nullable DriftSource source) {
    this.source = DriftSource.orNone(source);
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  DriftView drift() {
    return snapshot().map(DriftView::of).orElseGet(DriftView::none);
  }

  @GetMapping(value = "/table", produces = MediaType.TEXT_PLAIN_VALUE)
  String table() {
    return snapshot()
        .map(snapshot -> DriftTable.format(snapshot) + DriftTable.verdict(snapshot) + "\n")
        .orElse(DriftView.NO_REFERENCE + "\n");
  }

  private Optional<DriftSnapshot> snapshot() {
    return source.currentWindow().map(DriftWindow::snapshot);
  }
}
