package dev.cognitosyncmock.wiremock;

import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.json.Json;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The AWS-shaped answer (status, {@code x-amzn-ErrorType}, {@code x-amzn-RequestId} and {@code
 * {"message": ...}}) to what Jetty refuses before the mock sees a request (a request line, Host,
 * framing or size it cannot accept) and to any error a servlet lets escape, in place of Jetty's
 * HTML pages (which name Jetty and, for a 500, print a Java stack trace). Free of Jetty: {@link
 * JettyServer}'s error handler (one per Jetty version) asks it what to answer.
 */
final class HttpLayerErrors {
  /** What to answer: the status, x-amzn-ErrorType, x-amzn-RequestId and JSON body. */
  record Answer(int status, String errorType, String requestId, byte[] body) {}

  /** Jetty's reasons are short and plain, but a reason built from an exception names classes. */
  private static final Pattern INTERNAL =
      Pattern.compile("java\\.|jakarta\\.|org\\.eclipse|Exception|\\bat [a-z]+\\.");

  /**
   * The x-amzn-ErrorType and message for a status no operation produced; a null message stands for
   * the general one.
   */
  private record StatusText(String errorType, String message) {}

  private static StatusText statusText(int status) {
    return switch (status) {
      case 400 ->
          new StatusText(
              "BadRequestException",
              "The request is not valid HTTP/1.1 (request line, path escapes, Host header"
                  + " or body framing)");
      case 404, 405 -> new StatusText("UnknownOperationException", null);
      case 408 -> new StatusText("RequestTimeoutException", "The request did not arrive in time");
      case 411 -> new StatusText("LengthRequiredException", null);
      case 413 -> new StatusText("RequestEntityTooLargeException", "The request body is too large");
      case 414 ->
          new StatusText(
              "RequestURITooLongException", "The request target (path and query) is too long");
      case 415 -> new StatusText("UnsupportedMediaTypeException", null);
      case 417 ->
          new StatusText(
              "ExpectationFailedException",
              "The Expect header asks for an expectation the server does not support;"
                  + " only 100-continue is");
      case 426 ->
          new StatusText(
              "UpgradeRequiredException", "Only HTTP/1.1 (and HTTP/1.0) is spoken on this port");
      case 431 ->
          new StatusText(
              "RequestHeaderFieldsTooLargeException", "The request headers are too large");
      case 500 -> new StatusText("InternalErrorException", null);
      case 501 -> new StatusText("NotImplementedException", null);
      case 505 ->
          new StatusText(
              "HttpVersionNotSupportedException",
              "The HTTP version is not supported; use HTTP/1.1");
      default ->
          new StatusText(status >= 500 ? "InternalErrorException" : "BadRequestException", null);
    };
  }

  static String errorType(int status) {
    return statusText(status).errorType();
  }

  /** The message for a status, with Jetty's reason when it is one a caller can act on. */
  static String message(int status, String reason) {
    String what = statusText(status).message();
    if (what == null) {
      what =
          status >= 500 ? "The server could not complete the request" : "The request was refused";
    }
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
    return Json.MAPPER.writeValueAsBytes(Map.of("message", message));
  }

  private HttpLayerErrors() {}

  /** The answer to a parser refusal: Jetty's {@code status} and {@code reason}. */
  static Answer badMessage(int status, String reason) {
    return new Answer(status, errorType(status), RandomUuids.next(), body(message(status, reason)));
  }

  /**
   * The answer to an error raised inside a context (sendError, or what a servlet or filter threw):
   * {@code status} as the response holds it, the error's {@code reason} and {@code cause}.
   */
  static Answer contextError(int status, String reason, Throwable cause) {
    if (status >= 500 && brokenRequest(cause)) {
      // the client's body ended early or stalled: its fault, never a 5xx
      status = 400;
    }
    String message =
        brokenRequest(cause)
            ? "The request body ended before its Content-Length, or stalled"
            : message(status, status >= 500 ? null : reason);
    return new Answer(status, errorType(status), RandomUuids.next(), body(message));
  }

  /** Jetty's EofException is an EOFException, so no Jetty type is named here. */
  static boolean brokenRequest(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
