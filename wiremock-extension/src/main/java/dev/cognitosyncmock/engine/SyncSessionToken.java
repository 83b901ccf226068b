package dev.cognitosyncmock.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * A sync session: issued by ListRecords, required by UpdateRecords, bound to one dataset and valid
 * until {@code expiresAt} (SEMANTICS D1, D3, D4). On the wire it is base64 of gzip data, as the
 * real service's tokens are, so it starts with {@code H4sI}. It is stateless: a token survives a
 * restart of a persistent mock.
 *
 * <p>The gzip member holds one <em>stored</em> deflate block, written in plain Java: any gzip
 * reader reads it, and no zlib stream is set up and freed per ListRecords (3.9 µs of a request
 * otherwise, BENCHMARKS.md). Tokens compressed by earlier versions still decode.
 */
public record SyncSessionToken(String sessionId, DatasetKey dataset, Instant expiresAt) {
  private static final String VERSION = "css1";

  /** gzip header: magic, CM=deflate, no flags, no mtime, XFL 0, OS unknown (as Java writes it). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int BLOCK = HEADER.length; // BFINAL/BTYPE byte, then LEN, NLEN
  private static final int TEXT = BLOCK + 5;
  private static final int TRAILER = 8; // CRC32, ISIZE

  public String encode() {
    byte[] text =
        String.join(
                "\n",
                VERSION,
                sessionId,
                dataset.identityPoolId(),
                dataset.identityId(),
                dataset.datasetName(),
                Long.toString(expiresAt.toEpochMilli()))
            .getBytes(StandardCharsets.UTF_8);
    int n = text.length; // < 64 KiB: ids and names are bounded by the model (55, 55, 128)
    byte[] out = new byte[TEXT + n + TRAILER];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    out[BLOCK] = 1; // BFINAL=1, BTYPE=00: stored
    putShortLE(out, BLOCK + 1, n);
    putShortLE(out, BLOCK + 3, ~n);
    System.arraycopy(text, 0, out, TEXT, n);
    CRC32 crc = new CRC32();
    crc.update(text, 0, n);
    putIntLE(out, TEXT + n, (int) crc.getValue());
    putIntLE(out, TEXT + n + 4, n);
    return Base64.getEncoder().encodeToString(out);
  }

  /** Empty when the text is not a token this mock issued. */
  public static Optional<SyncSessionToken> decode(String text) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length < TEXT + TRAILER || !startsWithHeader(raw) || raw[BLOCK] != 1) {
      return inflated(raw); // compressed, or with optional header fields
    }
    int n = getShortLE(raw, BLOCK + 1);
    if ((n ^ 0xffff) != getShortLE(raw, BLOCK + 3) || raw.length != TEXT + n + TRAILER) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(raw, TEXT, n);
    if (getIntLE(raw, TEXT + n) != (int) crc.getValue() || getIntLE(raw, TEXT + n + 4) != n) {
      return Optional.empty();
    }
    return parse(new String(raw, TEXT, n, StandardCharsets.UTF_8));
  }

  private static Optional<SyncSessionToken> inflated(byte[] raw) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      // tokens are tiny; cap what we inflate so a hostile token cannot balloon
      return parse(new String(gzip.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<SyncSessionToken> parse(String text) {
    String[] parts = text.split("\n", -1);
    if (parts.length != 6 || !VERSION.equals(parts[0])) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SyncSessionToken(
              parts[1],
              new DatasetKey(parts[2], parts[3], parts[4]),
              Instant.ofEpochMilli(Long.parseLong(parts[5]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Issued in the same identity pool to a different identity (SEMANTICS D3). */
  public boolean isForAnotherIdentityOfThePool(DatasetKey key) {
    return dataset.identityPoolId().equals(key.identityPoolId())
        && !dataset.identityId().equals(key.identityId());
  }

  public boolean isValidFor(DatasetKey key, Instant now) {
    return dataset.equals(key) && now.isBefore(expiresAt);
  }

  private static boolean startsWithHeader(byte[] raw) {
    for (int i = 0; i < 4; i++) { // magic, CM, FLG: no optional fields follow
      if (raw[i] != HEADER[i]) {
        return false;
      }
    }
    return true;
  }

  private static void putShortLE(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
  }

  private static int getShortLE(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  private static void putIntLE(byte[] b, int p, int v) {
    putShortLE(b, p, v);
    putShortLE(b, p + 2, v >>> 16);
  }

  private static int getIntLE(byte[] b, int p) {
    return getShortLE(b, p) | getShortLE(b, p + 2) << 16;
  }
}
