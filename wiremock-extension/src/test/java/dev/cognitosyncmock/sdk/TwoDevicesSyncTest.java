package dev.cognitosyncmock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

/** Two SDK clients play two devices of one identity through a full sync round (C1, C2, F1, F2). */
class TwoDevicesSyncTest extends SdkTestBase {

  @Test
  void F1_F2_C2_secondWriterGetsConflictRelistsAndRetries() {
    CognitoSyncClient phone = client();
    CognitoSyncClient tablet = client();

    ListRecordsResponse phoneList = list(phone, "settings", 0);
    ListRecordsResponse tabletList = list(tablet, "settings", 0);

    assertThat(
            put(phone, "settings", phoneList.syncSessionToken(), "theme", "dark", 0)
                .records()
                .get(0)
                .syncCount())
        .isEqualTo(1);

    assertThatThrownBy(
            () -> put(tablet, "settings", tabletList.syncSessionToken(), "theme", "light", 0))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Current SyncCount for: theme is: 1 not: 0");
            });

    ListRecordsResponse relisted = list(tablet, "settings", 0);
    assertThat(relisted.datasetSyncCount()).isEqualTo(1);
    Record seen = relisted.records().get(0);
    assertThat(seen.value()).isEqualTo("dark");

    Record retried =
        put(tablet, "settings", relisted.syncSessionToken(), "theme", "light", seen.syncCount())
            .records()
            .get(0);
    assertThat(retried.syncCount()).isEqualTo(2);

    ListRecordsResponse phoneDelta = list(phone, "settings", 1);
    assertThat(phoneDelta.datasetSyncCount()).isEqualTo(2);
    assertThat(phoneDelta.records()).extracting(Record::value).containsExactly("light");
    assertThat(phoneDelta.records()).extracting(Record::syncCount).containsExactly(2L);
  }
}
