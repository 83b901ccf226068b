package dev.cognitosyncmock.junit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The one request both subjects send: ListRecords, by raw HTTP or by the AWS SDK. */
final class BenchRequests {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ID = "us-east-1:00000000-0000-0000-0000-00000000000a";
  static final String PATH =
      "/identitypools/" + POOL + "/identities/" + ID + "/datasets/prefs/records";

  /** What the WireMock subject's stub answers: a ListRecords output. */
  static final String LIST_RECORDS_BODY =
      "{\"Count\":0,\"DatasetDeletedAfterRequestedSyncCount\":"
          + "false,\"DatasetExists\":false,\"DatasetSyncCount\":0,\"MergedDatasetNames\":[],"
          + "\"Records\":[],\"SyncSessionToken\":\"token\"}";

  private BenchRequests() {}

  static boolean useSdk() {
    return Boolean.getBoolean("bench.sdk");
  }

  static int rawListRecords(URI endpoint) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.resolve(PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }
}
