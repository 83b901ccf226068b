package dev.cognitosyncmock.protocol;

/**
 * A broken connection instead of an HTTP answer, carried out by the server adapter (WireMock's
 * faults of the same names).
 */
public enum ConnectionFault {
  /** The connection is reset (TCP RST) without an answer. */
  CONNECTION_RESET_BY_PEER,
  /** The connection is closed without any bytes sent. */
  EMPTY_RESPONSE,
  /** A 200 status line and headers, then a broken chunked body. */
  MALFORMED_RESPONSE_CHUNK,
  /** Garbage bytes, then the connection is closed. */
  RANDOM_DATA_THEN_CLOSE
}
