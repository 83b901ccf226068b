package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SyncSessionTokenTest extends EngineTestSupport {
  private static final String NOT_VALID = "SyncSessionToken not valid for these inputs";
  private final DatasetKey prefs = ds(ID_A, "prefs");

  private List<SyncRecord> write(DatasetKey key, String token, RecordPatch... patches) {
    return engine.updateRecords(dev, key, DEVICE, List.of(patches), token);
  }

  @Test
  void D1_everyListRecordsIssuesAFreshGzipBase64Token() throws IOException {
    String first = list(prefs).syncSessionToken();
    put(prefs, "k", "v");
    String second = list(prefs).syncSessionToken();
    assertThat(first).startsWith("H4sI");
    assertThat(second).startsWith("H4sI").isNotEqualTo(first);
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(second)))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains(ID_A); // session, identity and expiry, as the model says
    }
    SyncSessionToken decoded = SyncSessionToken.decode(second).orElseThrow();
    assertThat(decoded.dataset()).isEqualTo(prefs);
    assertThat(decoded.expiresAt()).isEqualTo(T0.plus(EngineSettings.DEFAULT.tokenExpiry()));
  }

  @Test
  void D1_aTokenCompressedByAnEarlierVersionStillDecodes() throws IOException {
    String stored = token(prefs);
    SyncSessionToken session = SyncSessionToken.decode(stored).orElseThrow();
    byte[] text;
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
      text = in.readAllBytes();
    }
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(deflated)) {
      out.write(text);
    }
    String compressed = Base64.getEncoder().encodeToString(deflated.toByteArray());
    assertThat(compressed).startsWith("H4sI").isNotEqualTo(stored);
    assertThat(SyncSessionToken.decode(compressed)).contains(session);
    assertThat(write(prefs, compressed, replace("k", "v", 0))).hasSize(1);
  }

  @Test
  void D2_aTamperedStoredTokenIsRefused() {
    byte[] raw = Base64.getDecoder().decode(token(prefs));
    raw[20] ^= 1; // inside the text: the CRC no longer matches
    assertThat(SyncSessionToken.decode(Base64.getEncoder().encodeToString(raw))).isEmpty();
  }

  @Test
  void D2_updateRecordsRequiresAToken() {
    String token = token(prefs);
    for (String bad : new String[] {null, "", "H4sIAAAAAAAAAA==", "not base64 !", token + "x"}) {
      ServiceException e =
          assertRefusedWithoutStateChange(
              ErrorShape.InvalidParameterException, () -> write(prefs, bad, replace("k", "v", 0)));
      assertThat(e.getMessage()).isEqualTo(NOT_VALID);
    }
    assertThat(write(prefs, token, replace("k", "v", 0))).hasSize(1);
  }

  @Test
  void D3_tokenForAnotherPoolOrDatasetIsRefused() {
    put(prefs, "k", "v");
    String otherDataset = token(ds(ID_A, "other"));
    String otherPool = token(new DatasetKey(OTHER_POOL, ID_A, "prefs"));
    String otherPoolAndIdentity = token(new DatasetKey(OTHER_POOL, ID_B, "prefs"));
    for (String wrong : List.of(otherDataset, otherPool, otherPoolAndIdentity)) {
      ServiceException e =
          assertRefusedWithoutStateChange(
              ErrorShape.InvalidParameterException,
              () -> write(prefs, wrong, replace("k", "v2", 1)));
      assertThat(e.getMessage()).isEqualTo(NOT_VALID);
    }
  }

  @Test
  void D3_tokenOfAnotherIdentityOfTheSamePoolHasItsOwnMessage() {
    put(prefs, "k", "v");
    for (String wrong : List.of(token(ds(ID_B, "prefs")), token(ds(ID_B, "other")))) {
      ServiceException e =
          assertRefusedWithoutStateChange(
              ErrorShape.InvalidParameterException,
              () -> write(prefs, wrong, replace("k", "v2", 1)));
      assertThat(e.getMessage())
          .isEqualTo("Mismatch between session identity id and request identity id");
    }
    // even once expired: the identity is what is wrong with it
    String expired = token(ds(ID_B, "prefs"));
    clock.advance(EngineSettings.DEFAULT.tokenExpiry().plusSeconds(1));
    assertThat(failure(() -> write(prefs, expired, replace("k", "v2", 1))).getMessage())
        .isEqualTo("Mismatch between session identity id and request identity id");
  }

  @Test
  void D4_tokenExpiresByTheClock() {
    String token = token(prefs);
    clock.advance(EngineSettings.DEFAULT.tokenExpiry().minusMillis(1));
    write(prefs, token, replace("k", "v", 0));
    clock.advance(Duration.ofMillis(1));
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.InvalidParameterException, () -> write(prefs, token, replace("k", "v2", 1)));
    assertThat(e.getMessage()).isEqualTo(NOT_VALID);
    write(prefs, token(prefs), replace("k", "v2", 1));
  }

  @Test
  void D4_expiryIsConfigurable() {
    engine =
        new SyncEngine(
            EngineSettings.DEFAULT.with(s -> s.tokenExpiry = Duration.ofSeconds(30)),
            clock,
            IdSource.sequential());
    String token = token(prefs);
    clock.advance(Duration.ofSeconds(29));
    write(prefs, token, replace("k", "v", 0));
    clock.advance(Duration.ofSeconds(1));
    assertThat(failure(() -> write(prefs, token, replace("k", "v2", 1))).getMessage())
        .isEqualTo(NOT_VALID);
  }

  @Test
  void D4_aTokenMayBeReusedAndConflictsComeFromSyncCountsNotTheToken() {
    String token = token(prefs);
    write(prefs, token, replace("a", "1", 0));
    write(prefs, token, replace("b", "1", 0));
    write(prefs, token, replace("a", "2", 1));
    ServiceException e = failure(() -> write(prefs, token, replace("a", "3", 1)));
    assertThat(e.shape()).isEqualTo(ErrorShape.ResourceConflictException);
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: a is: 3 not: 1");
    // a token issued before the dataset existed keeps working after it was deleted and recreated
    engine.deleteDataset(dev, prefs);
    assertThat(write(prefs, token, replace("a", "again", 0)).get(0).syncCount()).isEqualTo(4);
  }

  @Test
  void D5_syncSessionsCountCountsTheSessionsIssued() {
    list(prefs);
    list(ds(ID_B, "x"));
    engine.listRecords(dev, prefs, 0L, null, 1);
    failure(() -> engine.listRecords(dev, prefs, -1L, null, null)); // refused: no session
    assertThat(engine.exportState().identityPools())
        .singleElement()
        .extracting(EngineSnapshot.PoolSnapshot::syncSessionsCount)
        .isEqualTo(3L);
  }
}
