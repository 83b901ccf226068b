package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.uri.PercentDecoding;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WireMock's HTTP server with a guard in front and Jetty's error pages replaced, so that every
 * answer of the port has the AWS error shape ({@link HttpLayerErrors}). WireMock journals every
 * request before any extension or filter sees it, and several things in that step would make
 * WireMock answer 500 or hold a hostile body in memory; the guard answers them first:
 *
 * <ul>
 *   <li>a body larger than the limit ({@code maxRequestBodyBytes}), as sent or once gunzipped: 413
 *       RequestEntityTooLargeException, read no further than the limit;
 *   <li>a body that ends before its Content-Length or stalls until the idle timeout: 400;
 *   <li>its journal decodes the query with {@code URLDecoder}, which throws on a broken escape
 *       ({@code ?%}, {@code ?a=%zz}). Such a request is answered here by the mock itself (which
 *       refuses it as any other malformed request: 400 InvalidParameterException, or the error its
 *       path or signature earns first), or 400 on admin paths;
 *   <li>it gunzips a body marked {@code Content-Encoding: gzip} or starting with the gzip magic
 *       bytes. A body that is not gzip data is answered 400 SerializationException here.
 * </ul>
 *
 * A request the guard lets through on the stub context is answered by the {@link FastPath} when it
 * applies, else by WireMock.
 */
final class CognitoSyncHttpServerFactory {
  private CognitoSyncHttpServerFactory() {}

  /**
   * WireMock's HTTP server ({@link JettyServer}, the one class that knows it is Jetty) with the
   * guard in front of both contexts and {@link HttpLayerErrors} for Jetty's error pages; {@code
   * idleTimeout} null for WireMock's default.
   */
  static void install(
      WireMockConfiguration config,
      CognitoSyncService service,
      FastPath fastPath,
      long maxRequestBodyBytes,
      Duration idleTimeout) {
    // Jetty wants no more acceptors than cores; small CI machines have two
    JettyServer.install(
        config,
        new RequestGuard(service, fastPath, maxRequestBodyBytes),
        new RequestGuard(service, null, maxRequestBodyBytes),
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        idleTimeout);
  }

  /** As WireMock decides: gzip when Content-Encoding says so or the body starts 1f 8b. */
  static boolean gzipped(HttpServletRequest request, byte[] body) {
    String encoding = request.getHeader("Content-Encoding");
    return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip"))
        || (body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b);
  }

  /**
   * The size of the gunzipped body, counted without keeping it and never past {@code limit + 1}; -1
   * when it is not gzip data.
   */
  static long gunzippedSize(byte[] body, long limit) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0 && total <= limit; ) {
        total += n;
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
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

  /** The body was larger than the limit, as sent or gunzipped. */
  private static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /**
   * WireMock's admin answers, held until complete so that an error can be given the AWS shape: a
   * request id on every answer; on an error, an error type, and a {@code message} member (added to
   * WireMock's own JSON error, which its clients still read, or written when WireMock sends none,
   * as for an unknown admin route).
   */
  private static final class AdminAnswer extends HttpServletResponseWrapper {
    private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
    private final String route;
    private ServletOutputStream stream;
    private java.io.PrintWriter writer;

    AdminAnswer(HttpServletResponse response, String route) {
      super(response);
      this.route = route;
      response.setHeader("x-amzn-RequestId", RandomUuids.next());
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(jakarta.servlet.WriteListener listener) {
                throw new UnsupportedOperationException("blocking writes only");
              }

              @Override
              public void write(int b) {
                held.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                held.write(b, off, len);
              }
            };
      }
      return stream;
    }

    @Override
    public java.io.PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      // held until finish()
    }

    @Override
    public void setContentLength(int length) {
      // set by finish(), for the body actually sent
    }

    @Override
    public void setContentLengthLong(long length) {
      // set by finish()
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    /** Sends what WireMock wrote, an error shaped as AWS shapes errors. */
    void finish() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      HttpServletResponse response = (HttpServletResponse) getResponse();
      byte[] body = held.toByteArray();
      int status = getStatus();
      if (status >= 400) {
        if (getHeader("x-amzn-ErrorType") == null) {
          response.setHeader("x-amzn-ErrorType", HttpLayerErrors.errorType(status));
        }
        body = withMessage(body, status);
        response.setContentType("application/json");
      }
      if (response.isCommitted()) {
        return;
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    private byte[] withMessage(byte[] body, int status) {
      String fallback =
          status == 404 ? "No admin route " + route : HttpLayerErrors.message(status, null);
      try {
        JsonNode parsed = body.length == 0 ? null : Json.MAPPER.readTree(body);
        if (parsed instanceof ObjectNode object) {
          // the AWS shape's message first, then WireMock's own members, which its clients read
          ObjectNode shaped = Json.MAPPER.createObjectNode();
          JsonNode title = object.path("errors").path(0).path("title");
          shaped.put(
              "message",
              object.has("message")
                  ? object.get("message").asString()
                  : title.isString() ? title.asString() : fallback);
          object.properties().forEach(e -> shaped.putIfAbsent(e.getKey(), e.getValue()));
          return Json.MAPPER.writeValueAsBytes(shaped);
        }
      } catch (RuntimeException notJson) {
        // answered below
      }
      return HttpLayerErrors.body(fallback);
    }
  }

  private static final class RequestGuard implements Filter {
    private final CognitoSyncService service;
    private final boolean admin;
    private final FastPath fastPath;
    private final long limit;

    /** The stub context's guard with the {@link FastPath}, the admin context's with null. */
    RequestGuard(CognitoSyncService service, FastPath fastPath, long limit) {
      this.service = service;
      this.admin = fastPath == null;
      this.fastPath = fastPath;
      this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) res;
      byte[] body;
      try {
        body = readBody(request);
      } catch (TooLarge e) {
        refuse(
            response,
            413,
            "RequestEntityTooLargeException",
            "The request body is larger than"
                + " the limit of "
                + limit
                + " bytes (--max-request-body-size)",
            true);
        return;
      } catch (IOException e) {
        // the body ended before its Content-Length (the client closed) or stalled past the
        // idle timeout: answered, when the socket still takes it, and closed
        refuse(
            response,
            400,
            "BadRequestException",
            "The request body ended before its Content-Length, or stalled",
            true);
        return;
      }
      if (gzipped(request, body)) {
        long size = gunzippedSize(body, limit);
        if (size < 0) {
          // WireMock gunzips a body marked or looking gzipped, and answers 500 when it is not
          refuse(
              response,
              400,
              "SerializationException",
              "The request body is not the gzip data"
                  + " its Content-Encoding or first bytes announce",
              false);
          return;
        }
        if (size > limit) {
          refuse(
              response,
              413,
              "RequestEntityTooLargeException",
              "The request body expands"
                  + " beyond the limit of "
                  + limit
                  + " bytes when gunzipped (--max-request-body-size)",
              false);
          return;
        }
      }
      // WireMock builds a URL from Host and target: "OPTIONS *" makes it throw
      if (PercentDecoding.wellFormed(request.getQueryString())
          && request.getRequestURI().startsWith("/")) {
        if (admin) {
          AdminAnswer answer =
              new AdminAnswer(response, request.getMethod() + " " + request.getRequestURI());
          chain.doFilter(new ReplayedBody(request, body), answer);
          answer.finish();
        } else {
          ReplayedBody replayed = new ReplayedBody(request, body);
          if (!fastPath.answered(replayed, response)) {
            chain.doFilter(replayed, res);
          }
        }
        return;
      }
      if (admin) {
        refuse(
            response, 400, "BadRequestException", "Malformed percent-encoding in the query", false);
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : Collections.list(request.getHeaderNames())) {
        headers.put(name, String.join(",", Collections.list(request.getHeaders(name))));
      }
      ProtocolResponse answer =
          service.handle(
              new ProtocolRequest(
                  request.getMethod(),
                  request.getRequestURI()
                      + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                  headers,
                  body));
      response.setStatus(answer.status());
      answer.headers().forEach(response::setHeader);
      response.getOutputStream().write(answer.body());
    }

    /** The body, read no further than the limit: a larger Content-Length is refused unread. */
    private byte[] readBody(HttpServletRequest request) throws IOException, TooLarge {
      long declared = request.getContentLengthLong();
      if (declared > limit) {
        throw new TooLarge();
      }
      ByteArrayOutputStream out =
          new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 64 * 1024)));
      try (var in = request.getInputStream()) {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
          total += n;
          if (total > limit) {
            throw new TooLarge();
          }
          out.write(buffer, 0, n);
        }
      }
      return out.toByteArray();
    }

    private static void refuse(
        HttpServletResponse response, int status, String errorType, String message, boolean close)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setHeader("x-amzn-RequestId", RandomUuids.next());
      response.setHeader("x-amzn-ErrorType", errorType);
      if (close) {
        response.setHeader("Connection", "close");
      }
      byte[] body = HttpLayerErrors.body(message);
      response.setContentLength(body.length);
      try {
        response.getOutputStream().write(body);
      } catch (IOException gone) {
        // the client is gone; nothing more to do
      }
    }
  }
}
