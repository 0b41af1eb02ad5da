package io.fraudops.cli.serve;

import io.fraudops.cli.FraudCli;
import io.fraudops.workers.FraudWorkersApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code ./fraud serve}: the screening application, until stopped. */
@Command(
    name = "serve",
    header = "Runs the screening application on the local runtime, until stopped.",
    description = {
      "Runs the screening application (job workers, HTTP API, decision audit) until stopped, on the local"
          + " runtime: an embedded Zeebe engine, PostgreSQL, Redis and S3 model registry start for every"
          + " endpoint not configured.",
      "Any other Spring property of the application passes through as --name=value."
    })
public final class ServeCommand implements Callable<Integer> {

  @Mixin ApplicationOptions application;

  @Unmatched List<String> springProperties = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    String[] args = SpringArguments.of(spec, springProperties);
    return LocalApplication.runUntilStopped(
        new SpringApplication(FraudWorkersApplication.class), args, FraudCli.verbose(spec));
  }
}
