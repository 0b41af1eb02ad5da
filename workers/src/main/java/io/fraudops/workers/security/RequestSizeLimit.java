package io.fraudops.workers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a body larger than {@code fraud.http.max-request-size}, before a handler sees it.
 * A declared {@code Content-Length} above the limit is refused without reading; a body of unknown
 * length (chunked) is read up to one byte past the limit and then refused, or handed on from
 * memory. Without it a 5 MB payment reached the engine and came back as a 500 (gRPC
 * RESOURCE_EXHAUSTED).
 */
final class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;
  private final String limitText;
  private final JsonRefusal refusal;

  RequestSizeLimit(DataSize limit, JsonRefusal refusal) {
    this.limit = limit.toBytes();
    this.limitText =
        limit.toKilobytes() > 0 && limit.toBytes() % 1024 == 0
            ? limit.toKilobytes() + " KB"
            : limit.toBytes() + " bytes";
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(response, declared + " bytes declared");
      return;
    }
    if (declared >= 0 || !mayHaveBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body =
        request
            .getInputStream()
            .readNBytes(Math.toIntExact(Math.min(limit + 1, Integer.MAX_VALUE - 8)));
    if (body.length > limit) {
      refuse(response, "chunked body");
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private void refuse(HttpServletResponse response, String what) throws IOException {
    // The rest of the body is not read; the connection closes after the answer rather than draining
    // it.
    response.setHeader("Connection", "close");
    refusal.write(
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "request body too large ("
            + what
            + "): at most "
            + limitText
            + " (fraud.http.max-request-size)");
  }

  private static boolean mayHaveBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null
        || switch (request.getMethod()) {
          case "POST", "PUT", "PATCH", "DELETE" -> true;
          default -> false;
        };
  }

  /** The request with its body read into memory (at most the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
