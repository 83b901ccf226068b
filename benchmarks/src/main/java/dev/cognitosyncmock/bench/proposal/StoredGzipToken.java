package dev.cognitosyncmock.bench.proposal;

import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncSessionToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A proposal, measured by {@link TokenCodecBenchmark}, not used by the mock: the same
 * SyncSessionToken text as {@link SyncSessionToken#encode()}, still base64 of a valid gzip member
 * (so it still starts {@code H4sI} and any gzip reader, including the mock's current {@link
 * SyncSessionToken#decode}, reads it), but written as one <em>stored</em> deflate block in plain
 * Java: no zlib Deflater/Inflater to create, initialise and free per request. Decoding reads that
 * form directly and falls back to {@link SyncSessionToken#decode} for anything else, so tokens
 * issued before the change keep working.
 */
public final class StoredGzipToken {
  private static final String VERSION = "css1";

  /** gzip header: magic, CM=deflate, no flags, no mtime, XFL 0, OS unknown (as Java writes it). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private StoredGzipToken() {}

  public static String encode(SyncSessionToken token) {
    DatasetKey d = token.dataset();
    byte[] text =
        String.join(
                "\n",
                VERSION,
                token.sessionId(),
                d.identityPoolId(),
                d.identityId(),
                d.datasetName(),
                Long.toString(token.expiresAt().toEpochMilli()))
            .getBytes(StandardCharsets.UTF_8);
    int n = text.length; // < 64 KiB: ids and names are short (55, 55, 128 characters at most)
    byte[] out = new byte[HEADER.length + 5 + n + 8];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int p = HEADER.length;
    out[p++] = 1; // BFINAL=1, BTYPE=00: stored
    out[p++] = (byte) n;
    out[p++] = (byte) (n >>> 8);
    out[p++] = (byte) ~n;
    out[p++] = (byte) (~n >>> 8);
    System.arraycopy(text, 0, out, p, n);
    p += n;
    CRC32 crc = new CRC32();
    crc.update(text, 0, n);
    p = putIntLE(out, p, (int) crc.getValue());
    putIntLE(out, p, n);
    return Base64.getEncoder().encodeToString(out);
  }

  public static Optional<SyncSessionToken> decode(String token) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int h = HEADER.length;
    if (raw.length < h + 5 + 8
        || raw[0] != 0x1f
        || raw[1] != (byte) 0x8b
        || raw[2] != 8
        || raw[3] != 0
        || raw[h] != 1) {
      return SyncSessionToken.decode(token); // compressed, or with header fields: the old way
    }
    int n = (raw[h + 1] & 0xff) | (raw[h + 2] & 0xff) << 8;
    int notN = (raw[h + 3] & 0xff) | (raw[h + 4] & 0xff) << 8;
    if ((n ^ 0xffff) != notN || raw.length != h + 5 + n + 8) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(raw, h + 5, n);
    if (getIntLE(raw, h + 5 + n) != (int) crc.getValue() || getIntLE(raw, h + 5 + n + 4) != n) {
      return Optional.empty();
    }
    String[] parts = new String(raw, h + 5, n, StandardCharsets.UTF_8).split("\n", -1);
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

  private static int putIntLE(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
    return p + 4;
  }

  private static int getIntLE(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }
}
