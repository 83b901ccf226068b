package dev.cognitosyncmock.wiremock;

import dev.cognitosyncmock.protocol.WireJson;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers what Jetty refuses before the mock sees a request (a request line, Host, framing or size
 * it cannot accept) and any error a servlet lets escape, in the AWS error shape: status, {@code
 * x-amzn-ErrorType}, {@code x-amzn-RequestId} and {@code {"message": ...}}. Installed on the
 * server, for errors found while parsing, and on the mock's and admin contexts, in place of Jetty's
 * HTML pages (which name Jetty and, for a 500, print a Java stack trace).
 */
final class HttpLayerErrors extends ErrorHandler {
  /** x-amzn-ErrorType by status, for errors no operation produced. */
  private static final Map<Integer, String> TYPES =
      Map.ofEntries(
          Map.entry(400, "BadRequestException"),
          Map.entry(404, "UnknownOperationException"),
          Map.entry(405, "UnknownOperationException"),
          Map.entry(408, "RequestTimeoutException"),
          Map.entry(411, "LengthRequiredException"),
          Map.entry(413, "RequestEntityTooLargeException"),
          Map.entry(414, "RequestURITooLongException"),
          Map.entry(415, "UnsupportedMediaTypeException"),
          Map.entry(417, "ExpectationFailedException"),
          Map.entry(426, "UpgradeRequiredException"),
          Map.entry(431, "RequestHeaderFieldsTooLargeException"),
          Map.entry(500, "InternalErrorException"),
          Map.entry(501, "NotImplementedException"),
          Map.entry(505, "HttpVersionNotSupportedException"));

  /** Jetty's reasons are short and plain, but a reason built from an exception names classes. */
  private static final Pattern INTERNAL =
      Pattern.compile("java\\.|jakarta\\.|org\\.eclipse|Exception|\\bat [a-z]+\\.");

  static String errorType(int status) {
    String type = TYPES.get(status);
    if (type != null) {
      return type;
    }
    return status >= 500 ? "InternalErrorException" : "BadRequestException";
  }

  /** The message for a status, with Jetty's reason when it is one a caller can act on. */
  static String message(int status, String reason) {
    String what =
        switch (status) {
          case 400 ->
              "The request is not valid HTTP/1.1 (request line, path escapes, Host header"
                  + " or body framing)";
          case 408 -> "The request did not arrive in time";
          case 413 -> "The request body is too large";
          case 414 -> "The request target (path and query) is too long";
          case 417 ->
              "The Expect header asks for an expectation the server does not support;"
                  + " only 100-continue is";
          case 426 -> "Only HTTP/1.1 (and HTTP/1.0) is spoken on this port";
          case 431 -> "The request headers are too large";
          case 505 -> "The HTTP version is not supported; use HTTP/1.1";
          default ->
              status >= 500
                  ? "The server could not complete the request"
                  : "The request was refused";
        };
    // Jetty's reason says which rule a 400 broke ("No Host", "Duplicate Host Header", ...)
    if (status == 400
        && reason != null
        && !reason.isBlank()
        && !INTERNAL.matcher(reason).find()
        && !reason.equalsIgnoreCase("Bad Request")) {
      what += ": " + reason;
    }
    return what;
  }

  static byte[] body(String message) {
    return WireJson.MAPPER.writeValueAsBytes(Map.of("message", message));
  }

  /** Jetty writes error pages for GET, POST and HEAD only; every method gets the AWS shape. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /** Jetty's parser refused the request (bad request line, Host, framing, sizes, version). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put("x-amzn-RequestId", UUID.randomUUID().toString());
    fields.put("x-amzn-ErrorType", errorType(status));
    return ByteBuffer.wrap(body(message(status, reason)));
  }

  /** An error raised inside a context: sendError, or an exception a servlet or filter threw. */
  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    int status = response.getStatus();
    Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status >= 500 && brokenRequest(cause)) {
      // the client's body ended early or stalled: its fault, never a 5xx
      status = 400;
    }
    String reason = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String message =
        brokenRequest(cause)
            ? "The request body ended before its Content-Length, or stalled"
            : message(status, status >= 500 ? null : reason);
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    response.setHeader("x-amzn-ErrorType", errorType(status));
    byte[] body = body(message);
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      response.getWriter().write(new String(body, StandardCharsets.UTF_8));
    }
  }

  static boolean brokenRequest(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof EofException
          || t instanceof TimeoutException
          || t instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }
}
