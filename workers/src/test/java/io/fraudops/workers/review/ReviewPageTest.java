package io.fraudops.workers.review;

import static io.fraudops.workers.TestUsers.analyst;
import static io.fraudops.workers.TestUsers.paymentSystem;
import static io.fraudops.workers.TestUsers.riskOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fraudops.workers.ApplicationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The review page's files as the workers serve them in local review mode, form-js included, to
 * analysts.
 */
@ApplicationTest
class ReviewPageTest {

  private static final String VENDOR = "review-page/vendor/form-js/";

  @Autowired MockMvc http;

  @Test
  void servesThePageItsScriptsAndTheDeployedForm() throws Exception {
    http.perform(get("/review").with(analyst())).andExpect(redirectedUrl("/review/"));
    http.perform(get("/review/").with(analyst())).andExpect(forwardedUrl("/review/index.html"));
    String page =
        http.perform(get("/review/index.html").with(analyst()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // Nothing from another host: the machines of a local run may reach no CDN.
    assertThat(page)
        .contains("vendor/form-js/form-viewer.umd.js")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
    for (String file :
        List.of(
            "review.js",
            "review.css",
            "vendor/form-js/form-viewer.umd.js",
            "vendor/form-js/form-js.css",
            "vendor/form-js/LICENSE",
            "vendor/form-js/THIRD-PARTY-NOTICES.txt")) {
      http.perform(get("/review/" + file).with(analyst())).andExpect(status().isOk());
    }
    byte[] form =
        http.perform(get("/review/forms/manual-review.form").with(analyst()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(form)
        .isEqualTo(new ClassPathResource("forms/manual-review.form").getContentAsByteArray());
  }

  @Test
  void thePageIsForAnalystsOnly() throws Exception {
    // Without credentials the browser is asked for them (its own Basic login), for the page as for
    // its files.
    for (String path :
        List.of(
            "/review",
            "/review/",
            "/review/index.html",
            "/review/review.js",
            "/review/forms/manual-review.form")) {
      http.perform(get(path))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic realm=")));
    }
    http.perform(get("/review/index.html").with(paymentSystem()))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.message").value(containsString("GET /review/** needs role ANALYST")));
    http.perform(get("/review/index.html").with(riskOwner())).andExpect(status().isForbidden());
  }

  @Test
  void theVendoredFormJsIsTheOneItsManifestNames() throws Exception {
    List<String> lines =
        new ClassPathResource(VENDOR + "VENDORED.txt")
            .getContentAsString(StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertThat(lines.get(0)).startsWith("@bpmn-io/form-js 1.17.0");
    for (String line : lines.subList(1, lines.size())) {
      String[] hashAndName = line.split(" {2}", 2);
      assertThat(sha256(VENDOR + hashAndName[1]))
          .as(hashAndName[1] + " (re-vendor with tools/review-page)")
          .isEqualTo(hashAndName[0]);
    }
    assertThat(lines).hasSize(5);
  }

  private static String sha256(String resource)
      throws IOException, java.security.NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(new ClassPathResource(resource).getContentAsByteArray()));
  }
}
