package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * WireMock's HTTP server ({@link JettyServer}) with one guard in front. WireMock journals every
 * request before any extension or filter sees it, and two things in that step throw, so WireMock would answer 500:
 * <ul>
 *   <li>its journal decodes the query with {@code URLDecoder}, which throws on a broken escape
 *       ({@code ?%}, {@code ?a=%zz}). Such a request is answered here by the mock itself (which
 *       refuses it as any other malformed request: 400 InvalidParameterException, or the error
 *       its path or signature earns first), or 400 on admin paths;</li>
 *   <li>it gunzips a body marked {@code Content-Encoding: gzip} or starting with the gzip magic
 *       bytes. A body that is not gzip data is answered 400 SerializationException here.</li>
 * </ul>
 */
final class CognitoSyncHttpServerFactory {
  private CognitoSyncHttpServerFactory() {
  }

  /** WireMock's HTTP server ({@link JettyServer}) with the guard in front of both contexts. */
  static void install(WireMockConfiguration config, CognitoSyncService service) {
    // Jetty wants no more acceptors than cores; small CI machines have two
    JettyServer.install(config, new MalformedQueryGuard(service, false),
        new MalformedQueryGuard(service, true),
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /** True when every {@code %} in the query starts a two-hex-digit escape. */
  static boolean queryDecodes(String query) {
    if (query == null) {
      return true;
    }
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
          || Character.digit(query.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** As WireMock decides: gzip when Content-Encoding says so or the body starts 1f 8b. */
  static boolean gzipDecodes(HttpServletRequest request, byte[] body) {
    String encoding = request.getHeader("Content-Encoding");
    boolean gzip = (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip"))
        || (body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b);
    if (!gzip) {
      return true;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      in.transferTo(OutputStream.nullOutputStream());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The request with its body, already read by the guard, readable again. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
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
          throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  private static final class MalformedQueryGuard implements Filter {
    private final CognitoSyncService service;
    private final boolean admin;

    MalformedQueryGuard(CognitoSyncService service, boolean admin) {
      this.service = service;
      this.admin = admin;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) res;
      byte[] body = request.getInputStream().readAllBytes();
      if (!gzipDecodes(request, body)) {
        // WireMock gunzips a body marked or looking gzipped, and answers 500 when it is not
        response.setStatus(400);
        response.setContentType("application/json");
        response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
        response.setHeader("x-amzn-ErrorType", "SerializationException");
        response.getOutputStream().write(("{\"message\":\"The request body is not the gzip data"
            + " its Content-Encoding or first bytes announce\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (queryDecodes(request.getQueryString())) {
        chain.doFilter(new ReplayedBody(request, body), res);
        return;
      }
      if (admin) {
        response.setStatus(400);
        response.setContentType("application/json");
        response.getOutputStream().write(
            "{\"message\":\"Malformed percent-encoding in the query\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : Collections.list(request.getHeaderNames())) {
        headers.put(name, String.join(",", Collections.list(request.getHeaders(name))));
      }
      ProtocolResponse answer = service.handle(new ProtocolRequest(request.getMethod(),
          request.getRequestURI() + "?" + request.getQueryString(), headers,
          body));
      response.setStatus(answer.status());
      answer.headers().forEach(response::setHeader);
      response.getOutputStream().write(answer.body());
    }
  }
}
