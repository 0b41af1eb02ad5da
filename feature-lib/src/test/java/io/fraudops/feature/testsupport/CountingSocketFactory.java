package io.fraudops.feature.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Sockets that count how often the client writes to Redis. Jedis buffers commands and writes the
 * buffer once before it waits for replies, so the writes are the round trips.
 */
public final class CountingSocketFactory implements JedisSocketFactory {

  private final int port;
  private final AtomicInteger writes = new AtomicInteger();

  public CountingSocketFactory(int port) {
    this.port = port;
  }

  public int writes() {
    return writes.get();
  }

  @Override
  public Socket createSocket() throws JedisConnectionException {
    Socket socket =
        new Socket() {
          @Override
          public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                writes.incrementAndGet();
                out.write(bytes, offset, length);
              }

              @Override
              public void write(int b) throws IOException {
                writes.incrementAndGet();
                out.write(b);
              }
            };
          }
        };
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(2_000);
      return socket;
    } catch (IOException e) {
      throw new JedisConnectionException(e);
    }
  }
}
