package io.fraudops.workers;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The callers {@link ApplicationTest} configures (BCrypt hashes of these passwords, cost 4 to keep
 * tests fast), one per role, as HTTP Basic credentials for MockMvc requests.
 */
public final class TestUsers {

  public static final String PAYMENT_SYSTEM = "payment-system";
  public static final String ANALYST = "ana";
  public static final String RISK_OWNER = "rita";

  private TestUsers() {}

  /** Role SCREEN. */
  public static RequestPostProcessor paymentSystem() {
    return httpBasic(PAYMENT_SYSTEM, password(PAYMENT_SYSTEM));
  }

  /** Role ANALYST. */
  public static RequestPostProcessor analyst() {
    return httpBasic(ANALYST, password(ANALYST));
  }

  /** Role RISK. */
  public static RequestPostProcessor riskOwner() {
    return httpBasic(RISK_OWNER, password(RISK_OWNER));
  }

  public static String password(String user) {
    return user + "-test-password";
  }
}
