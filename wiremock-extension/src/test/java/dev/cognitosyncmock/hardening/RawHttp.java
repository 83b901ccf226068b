package dev.cognitosyncmock.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte: lets a test put what no HTTP client library would
 * send on the wire (raw non-UTF-8 bytes in the path, methods no library knows, bodies that lie
 * about their type). One request per connection ({@code Connection: close}); a response that does
 * not arrive within the timeout is a hang.
 */
final class RawHttp {
  static final int TIMEOUT_MILLIS = 20_000;

  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static final class Hang extends IOException {
    Hang(String message) {
      super(message);
    }
  }

  private RawHttp() {}

  /**
   * @param target the request target exactly as sent; chars up to U+00FF are sent as one byte each,
   *     so a test can send bytes that are not UTF-8
   */
  static Response send(int port, String method, String target, List<String[]> headers, byte[] body)
      throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(
        (method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
    head.writeBytes(
        ("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    for (String[] h : headers) {
      head.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    if (body != null) {
      head.writeBytes(
          ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));

    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before reading a large body: read what it said
      }
      byte[] raw;
      try (InputStream in = socket.getInputStream()) {
        raw = in.readAllBytes();
      } catch (SocketTimeoutException e) {
        throw new Hang(
            "no complete response within "
                + TIMEOUT_MILLIS
                + " ms to "
                + method
                + " "
                + clip(target));
      }
      return parse(raw, method + " " + clip(target));
    }
  }

  /**
   * Sends {@code request} exactly as given (request line, headers, framing and all); with {@code
   * halfClose} the client then shuts its sending side, as a client that ends early does. Empty when
   * the server closed without answering.
   */
  static java.util.Optional<Response> sendRaw(int port, byte[] request, boolean halfClose)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // the server may answer and close before reading everything: read what it said
      }
      byte[] raw;
      try (InputStream in = socket.getInputStream()) {
        raw = in.readAllBytes();
      } catch (SocketTimeoutException e) {
        throw new Hang(
            "no complete response within "
                + TIMEOUT_MILLIS
                + " ms to "
                + clip(
                    new String(
                        request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1)));
      } catch (java.net.SocketException reset) {
        return java.util.Optional.empty();
      }
      if (raw.length == 0) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          parse(
              raw,
              clip(
                  new String(
                      request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1))));
    }
  }

  private static Response parse(byte[] raw, String what) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    if (text.startsWith("HTTP/1.1 101 ") && text.indexOf("\r\n\r\n") > 0) {
      // a switch (to h2c, RFC 7540 3.2): the rest is another protocol's bytes, kept as the body
      int end = text.indexOf("\r\n\r\n");
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : text.substring(0, end).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      return new Response(101, headers, java.util.Arrays.copyOfRange(raw, end + 4, raw.length));
    }
    // skip interim responses (100 Continue)
    while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
      int skip = text.indexOf("\r\n\r\n") + 4;
      raw = java.util.Arrays.copyOfRange(raw, skip, raw.length);
      text = text.substring(skip);
    }
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new IOException("no HTTP response to " + what + ": " + clip(text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = i;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip();
      int semi = sizeText.indexOf(';');
      int size = Integer.parseInt(semi < 0 ? sizeText : sizeText.substring(0, semi), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
  }
}
