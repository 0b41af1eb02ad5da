package io.fraudops.workers.drift;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fraudops.model.drift.Bins;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.DriftWindow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class DriftControllerTest {

  @Test
  void reportsEachFeatureHighestPsiFirstWithTheModelAndWindow() throws Exception {
    double[] edges = {0};
    double[] halves = {0.5, 0.5, 0};
    DriftReference reference =
        new DriftReference(
            List.of(new Bins("amount", edges, halves), new Bins("hour_of_day", edges, halves)),
            new Bins("score", edges, halves));
    DriftWindow window =
        new DriftWindow("demo:7", reference, List.of("amount", "hour_of_day", "other"), 100);
    for (int i = 0; i < 10; i++) {
      window.record(new double[] {1, i % 2, 0}, i % 2); // every amount above the edge
    }
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new DriftController(() -> Optional.of(window))).build();

    mvc.perform(get("/drift"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reference").value(true))
        .andExpect(jsonPath("$.model").value("demo:7"))
        .andExpect(jsonPath("$.windowSize").value(100))
        .andExpect(jsonPath("$.observations").value(10))
        .andExpect(jsonPath("$.level").value("SIGNIFICANT"))
        .andExpect(jsonPath("$.features[0].name").value("amount"))
        .andExpect(jsonPath("$.features[0].level").value("SIGNIFICANT"))
        .andExpect(jsonPath("$.features[1].name").value("hour_of_day"))
        .andExpect(jsonPath("$.features[1].psi").value(0.0))
        .andExpect(jsonPath("$.score.level").value("STABLE"));
    mvc.perform(get("/drift/table"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("verdict: significant shift in amount")));
  }

  @Test
  void saysSoWhenThereIsNoReference() throws Exception {
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new DriftController(null)).build();

    mvc.perform(get("/drift"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reference").value(false))
        .andExpect(jsonPath("$.message").value(containsString("no drift reference")));
    mvc.perform(get("/drift/table"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("no drift reference")));
  }
}
