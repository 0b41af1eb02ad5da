package io.fraudops.workers;

import io.camunda.client.CamundaClient;
import io.fraudops.local.zeebe.EmbeddedEngine;
import java.net.URI;

/** A bare embedded engine and a gRPC client, for tests that need no Spring context. */
public final class EngineFixture implements AutoCloseable {

  private final EmbeddedEngine engine;
  private final CamundaClient client;

  public EngineFixture() {
    engine = EmbeddedEngine.start(0);
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.grpcAddress()))
            .preferRestOverGrpc(false)
            .build();
  }

  public CamundaClient client() {
    return client;
  }

  public EmbeddedEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
