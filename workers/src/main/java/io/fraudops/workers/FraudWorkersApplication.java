package io.fraudops.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FraudWorkersApplication {
  public static void main(String[] args) {
    SpringApplication.run(FraudWorkersApplication.class, args);
  }
}
