package io.fraudops.workers.screening;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.fraudops.feature.transaction.CardTokenizer;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts the screening of one payment. The card is tokenized first, so its number never reaches the
 * engine; validation happens in the process, so a bad payload still gets an instance that ends
 * REJECTED with the reason.
 */
@RestController
class ScreeningController {

  static final String PROCESS_ID = "transaction-screening";
  private final CamundaClient client;
  private final CardTokenizer cards;
  private final Clock clock;

  ScreeningController(CamundaClient client, CardTokenizer cards, Clock clock) {
    this.client = client;
    this.cards = cards;
    this.clock = clock;
  }

  @PostMapping("/transactions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> screen(@RequestBody Map<String, Object> payment) {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(Map.of("transaction", cards.tokenize(payment), "receivedAt", clock.millis()))
            .send()
            .join();
    return Map.of("processInstanceKey", instance.getProcessInstanceKey());
  }
}
