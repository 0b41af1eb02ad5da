package io.fraudops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port free on this machine right now, for embedded servers configured with port 0. */
public final class FreePort {

  private FreePort() {}

  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free TCP port", e);
    }
  }
}
