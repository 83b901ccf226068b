package dev.cognitosyncmock.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any key and value the mock accepts (NUL, control characters, lone surrogates) comes back
 * unchanged through the journal, a snapshot and an export/import: nothing is written that cannot be
 * read back (A1, C3).
 */
class UnusualKeysPersistenceTest {
  static final DatasetKey KEY =
      new DatasetKey(
          "us-east-1:11111111-2222-3333-4444-555555555555",
          "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          "settings");
  static final Map<String, String> UNUSUAL = new LinkedHashMap<>();

  static {
    UNUSUAL.put("a\u0000b", "nul");
    UNUSUAL.put("a\ud800", "lone high \udbff");
    UNUSUAL.put("\udc00\ud800z", "reversed pair");
    UNUSUAL.put("line\nbreak\u2028", "control \u0001\u007f");
  }

  @TempDir Path dir;

  static Map<String, String> values(SyncEngine engine) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SyncRecord r : engine.listRecords(Caller.developer(), KEY, 0L, null, null).records()) {
      out.put(r.key(), r.value());
    }
    return out;
  }

  @Test
  void A1_unusualKeysSurviveTheJournalAndASnapshot() {
    SyncEngine first = new SyncEngine();
    StateJournal.open(dir, first);
    first.putRecords(Caller.developer(), KEY, UNUSUAL);
    // journal only (never closed, as after kill -9)
    SyncEngine second = new SyncEngine();
    StateJournal reopened = StateJournal.open(dir, second);
    assertThat(values(second)).isEqualTo(UNUSUAL);
    // and through a snapshot
    reopened.close();
    SyncEngine third = new SyncEngine();
    StateJournal.open(dir, third);
    assertThat(values(third)).isEqualTo(UNUSUAL);
  }

  @Test
  void A1_unusualKeysSurviveExportAndImport() {
    SyncEngine engine = new SyncEngine();
    engine.putRecords(Caller.developer(), KEY, UNUSUAL);
    byte[] exported = Json.MAPPER.writeValueAsBytes(engine.exportState());
    SyncEngine imported = new SyncEngine();
    imported.importState(AdminApi.readState(exported));
    assertThat(values(imported)).isEqualTo(UNUSUAL);
  }
}
