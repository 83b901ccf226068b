package dev.cognitosyncmock.bench.proposal;

import dev.cognitosyncmock.wiremock.ConstantTimeJournalStore;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server as {@code StandaloneServer} builds it with default settings (request
 * journal capped at 1000), except that WireMock keeps the journal in the proposed
 * {@link ConstantTimeJournalStore}: run-http.sh loads it beside the real one to measure the change
 * over HTTP. {@code java -cp benchmarks.jar dev.cognitosyncmock.bench.proposal.ProposalServer
 * PORT BIND_ADDRESS [SEED_FILE]}
 */
public final class ProposalServer {
  private ProposalServer() {
  }

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    String bindAddress = args[1];
    CognitoSyncService service = CognitoSyncService.builder()
        .seed(args.length > 2 ? AdminApi.readState(Path.of(args[2])) : null)
        .build();
    CognitoSyncServer server = CognitoSyncServer.builder()
        .service(service)
        .port(port)
        .bindAddress(bindAddress)
        .requestJournalSize(CognitoSyncServer.DEFAULT_REQUEST_JOURNAL_SIZE)
        .wireMockOptions(c -> c.withStores(new ConstantTimeJournalStore.Stores(c.filesRoot())))
        .build()
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }));
    System.out.printf("proposal server (constant-time journal store) on http://%s:%d%n",
        bindAddress, server.port());
    stopped.await();
  }
}
