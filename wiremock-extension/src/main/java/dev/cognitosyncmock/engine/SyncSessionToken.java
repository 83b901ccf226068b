package dev.cognitosyncmock.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A sync session: issued by ListRecords, required by UpdateRecords, bound to one dataset and valid
 * until {@code expiresAt} (SEMANTICS D1, D3, D4). On the wire it is base64 of gzip data, as the
 * real service's tokens are, so it starts with {@code H4sI}. It is stateless: a token survives a
 * restart of a persistent mock.
 */
public record SyncSessionToken(String sessionId, DatasetKey dataset, Instant expiresAt) {
  private static final String VERSION = "css1";

  public String encode() {
    String text =
        String.join(
            "\n",
            VERSION,
            sessionId,
            dataset.identityPoolId(),
            dataset.identityId(),
            dataset.datasetName(),
            Long.toString(expiresAt.toEpochMilli()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** Empty when the text is not a token this mock issued. */
  public static Optional<SyncSessionToken> decode(String text) {
    try (GZIPInputStream gzip =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
      // tokens are tiny; cap what we inflate so a hostile token cannot balloon
      byte[] raw = gzip.readNBytes(4096);
      String[] parts = new String(raw, StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 6 || !VERSION.equals(parts[0])) {
        return Optional.empty();
      }
      return Optional.of(
          new SyncSessionToken(
              parts[1],
              new DatasetKey(parts[2], parts[3], parts[4]),
              Instant.ofEpochMilli(Long.parseLong(parts[5]))));
    } catch (IOException | IllegalArgumentException e) {
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
}
