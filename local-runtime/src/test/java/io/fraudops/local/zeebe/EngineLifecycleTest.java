package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {

  @Test
  void servesGrpcOnTheGivenLoopbackPort() throws IOException {
    int port = freeLoopbackPort();
    try (EmbeddedEngine engine = EmbeddedEngine.start(port, false);
        CamundaClient client = clientOf(engine)) {
      assertThat(engine.port()).isEqualTo(port);
      assertThat(engine.grpcAddress()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    }
  }

  @Test
  void portZeroPicksAFreePort() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, false);
        CamundaClient client = clientOf(engine)) {
      assertThat(engine.port()).isPositive();
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    }
  }

  @Test
  void isNotReachableThroughOtherInterfaces() throws IOException {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, false);
        Socket socket = new Socket()) {
      assertThatThrownBy(
              () -> socket.connect(new InetSocketAddress(external.get(), engine.port()), 2_000))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void closeReleasesThePortAndTheThreads() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(0, false);
    int port = engine.port();
    assertThat(actorThreads()).isPositive();

    engine.close();

    try (ServerSocket rebind = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(rebind.getLocalPort()).isEqualTo(port);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (actorThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(actorThreads()).isZero();
    // Closing twice is harmless (Spring and try-with-resources may both do it).
    engine.close();
  }

  @Test
  void failsOnAPortInUseAndLeavesNoThreadBehind() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> EmbeddedEngine.start(taken.getLocalPort(), false))
          .hasRootCauseInstanceOf(java.net.BindException.class);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (actorThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(actorThreads()).isZero();
  }

  @Test
  void rejectsBadArgumentsWithAClearMessage() {
    assertThatThrownBy(() -> EmbeddedEngine.start(-1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> EmbeddedEngine.start(70_000, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, false)) {
      assertThatThrownBy(() -> engine.increaseTime(Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("forward");
    }
  }

  static CamundaClient clientOf(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false)
        .build();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long actorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("zb-"))
        .count();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(EngineLifecycleTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
