package io.fraudops.workers;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.fraudops.workers.embedded.FreePort;
import java.net.URI;

/** A bare embedded engine and a gRPC client, for tests that need no Spring context. */
public final class EngineFixture implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final CamundaClient client;

  public EngineFixture() {
    int port = FreePort.find();
    engine = EngineFactory.create(port);
    engine.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + port))
            .preferRestOverGrpc(false)
            .build();
  }

  public CamundaClient client() {
    return client;
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
