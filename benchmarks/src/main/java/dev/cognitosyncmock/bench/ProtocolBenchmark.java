package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.protocol.CallerResolver;
import dev.cognitosyncmock.protocol.CognitoSyncProtocol;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link CognitoSyncProtocol#handle} end to end in-process: a raw request (method, percent-encoded
 * URL, the headers an SDK sends, body bytes) in, status, headers and JSON bytes out. Routing,
 * binding, JSON Schema validation, the engine and serialization are all inside; HTTP is not.
 */
public class ProtocolBenchmark extends AverageTimeBenchmark {
  private static final byte[] TOKEN_FIELD =
      "\"SyncSessionToken\":\"".getBytes(StandardCharsets.UTF_8);

  @State(Scope.Benchmark)
  public static class Mock {
    SyncEngine engine;
    CognitoSyncProtocol protocol;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SyncEngine();
      protocol =
          new CognitoSyncProtocol(
              ServiceModel.load(), engine, new CallerResolver(Caller.DEFAULT_ACCOUNT_ID));
      Fixtures.seed(engine, SyncClient.SEEDED, SyncClient.DATASETS_PER_IDENTITY);
    }
  }

  @State(Scope.Thread)
  public static class Client extends SyncClient {
    /** The raw request path of each dataset, as an SDK encodes it. */
    String[] paths;

    @Setup(Level.Trial)
    public void setUp(Mock m) {
      open(m.engine, m.threads.getAndIncrement());
      paths = new String[DATASETS_PER_THREAD];
      for (int i = 0; i < DATASETS_PER_THREAD; i++) {
        paths[i] = Fixtures.datasetPath(first + i, DATASETS_PER_IDENTITY);
      }
    }

    ProtocolRequest list(int i) {
      return new ProtocolRequest(
          "GET",
          paths[i] + "/records?lastSyncCount=" + (counts[i] - 1),
          Fixtures.SDK_HEADERS,
          null);
    }

    ProtocolRequest update(int i, String token, long syncCount) {
      String body =
          "{\"SyncSessionToken\":\""
              + token
              + "\",\"DeviceId\":\"bench\","
              + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\""
              + recordKeys[i]
              + "\",\"Value\":\"v"
              + (value++)
              + "\",\"SyncCount\":"
              + syncCount
              + ",\"DeviceLastModifiedDate\":1763726400.123}]}";
      return new ProtocolRequest(
          "POST", paths[i], Fixtures.SDK_HEADERS, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The F1 cycle as a client drives it: ListRecords, read the token from the response, then
   * UpdateRecords with it. The client side (building the request, finding the token) is included
   * and is a small part.
   */
  @Benchmark
  public ProtocolResponse syncCycle(Mock m, Client c) {
    int i = c.nextDataset();
    ProtocolResponse listed = m.protocol.handle(c.list(i));
    ProtocolResponse updated = m.protocol.handle(c.update(i, token(listed.body()), c.counts[i]));
    if (updated.status() != 200) {
      throw new IllegalStateException(updated.bodyText());
    }
    c.counts[i]++;
    return updated;
  }

  @Benchmark
  public ProtocolResponse listRecords(Mock m, Client c) {
    return m.protocol.handle(c.list(c.nextDataset()));
  }

  /** UpdateRecords with a token issued once per dataset (tokens are reusable, SEMANTICS D4). */
  @Benchmark
  public ProtocolResponse updateRecords(Mock m, Client c) {
    int i = c.nextDataset();
    ProtocolResponse updated = m.protocol.handle(c.update(i, c.tokens[i], c.counts[i]));
    c.counts[i]++;
    return updated;
  }

  static String token(byte[] body) {
    outer:
    for (int i = 0; i + TOKEN_FIELD.length < body.length; i++) {
      for (int j = 0; j < TOKEN_FIELD.length; j++) {
        if (body[i + j] != TOKEN_FIELD[j]) {
          continue outer;
        }
      }
      int start = i + TOKEN_FIELD.length;
      int end = start;
      while (body[end] != '"') {
        end++;
      }
      return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    }
    throw new IllegalStateException(
        "no SyncSessionToken in " + new String(body, StandardCharsets.UTF_8));
  }
}
