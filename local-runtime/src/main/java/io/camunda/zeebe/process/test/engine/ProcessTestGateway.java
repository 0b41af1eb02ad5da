package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.api.InterPartitionCommandSender;
import io.grpc.BindableService;

/**
 * Opens zeebe-process-test's gRPC gateway to {@code io.fraudops.local.zeebe.EmbeddedEngine}.
 *
 * <p>The gateway (gRPC requests to log commands, engine responses back to gRPC, pushed job streams)
 * is the part of zeebe-process-test worth keeping, but its classes are package-private and only
 * {@code EngineFactory} wires them, always to its own in-memory log and database. This class lives
 * in that package only to instantiate those classes around a log writer of our choosing and hand
 * them out as Zeebe's public interfaces. The one piece replaced is the response writer (see {@link
 * InstanceResponseWriter}).
 */
public final class ProcessTestGateway {

  /**
   * The gateway's pieces, typed by the public interfaces the stream processor and gRPC need; {@code
   * responses} stops the response writer's sending thread.
   */
  public record Parts(
      BindableService grpcService,
      CommandResponseWriter responseWriter,
      InterPartitionCommandSender commandSender,
      JobStreamer jobStreamer,
      AutoCloseable responses) {}

  private ProcessTestGateway() {}

  /**
   * @param writer where gRPC requests become commands
   * @param partitionId the single partition's id
   * @param port the port the gRPC server listens on, reported in the topology response
   */
  public static Parts create(LogStreamWriter writer, int partitionId, int port) {
    CommandWriter commandWriter = new CommandWriter(writer);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(commandWriter, partitionId, 1, port, requests, jobStreamer);
    InstanceResponseWriter responses = new InstanceResponseWriter(requests);
    return new Parts(gateway, responses, new CommandSender(commandWriter), jobStreamer, responses);
  }
}
