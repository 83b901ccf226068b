package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.state.StateChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * G7, D5: DescribeIdentityPoolUsage and ListIdentityPoolUsage answer from totals kept as the state
 * changes; after any sequence of changes they equal a full recount of the exported state.
 */
class PoolUsageTotalsTest extends EngineTestSupport {
  private static final List<String> POOLS =
      List.of(POOL, OTHER_POOL, "us-east-1:aaaaaaaa-0000-4000-8000-000000000003");
  private static final List<String> IDENTITIES =
      List.of(
          ID_A,
          ID_B,
          ID_C,
          "us-east-1:44444444-4444-4444-8444-444444444444",
          "us-east-1:55555555-5555-4555-8555-555555555555");
  private static final List<String> DATASETS = List.of("a", "b", "c", "d");
  private static final List<String> KEYS = List.of("k1", "k2", "k3", "k4");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void G7_D5_E3_E6_H15_H32_usageEqualsFullRecountAfterRandomOperations(long seed) {
    Random random = new Random(seed);
    for (int step = 0; step < 400; step++) {
      String operation = randomOperation(engine, random);
      assertUsageEqualsRecount(engine, "seed " + seed + ", step " + step + ": " + operation);
    }
  }

  @Test
  void G7_journalReplayKeepsUsageEqualToRecount() {
    Queue<StateChange> changes = new ConcurrentLinkedQueue<>();
    engine.state().addListener(changes::add);
    Random random = new Random(42);
    for (int n = 0; n < 300; n++) {
      clock.advance(Duration.ofSeconds(random.nextInt(5) - 2)); // sometimes back in time
      DatasetKey key = randomDataset(random);
      if (random.nextInt(6) == 0) {
        deleteIfPresent(engine, key);
      } else {
        putRandom(engine, random, key);
      }
    }
    SyncEngine replica = new SyncEngine(EngineSettings.DEFAULT, clock, IdSource.sequential());
    for (StateChange change : changes) {
      if (change instanceof DatasetChange
          || change instanceof PoolRegistered
          || change instanceof SyncSessionStarted) {
        replica.replay(change);
      }
    }

    assertUsageEqualsRecount(replica, "replayed");
    assertThat(usages(replica)).isEqualTo(usages(engine));
  }

  @Test
  @Timeout(60)
  void G7_E3_H32_usageEqualsRecountAfterConcurrentWritesDeletesAndMerges() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    Queue<String> negative = new ConcurrentLinkedQueue<>();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      done.add(
          executor.submit(
              () -> {
                Random random = new Random(seed);
                start.await();
                for (int n = 0; n < 1_500; n++) {
                  String identityId = IDENTITIES.get(random.nextInt(IDENTITIES.size()));
                  DatasetKey key =
                      new DatasetKey(
                          POOL, identityId, DATASETS.get(random.nextInt(DATASETS.size())));
                  int choice = random.nextInt(20);
                  if (choice == 0) {
                    engine.deleteIdentity(POOL, identityId);
                  } else if (choice == 1) {
                    String other = IDENTITIES.get(random.nextInt(IDENTITIES.size()));
                    try {
                      engine.mergeIdentities(POOL, identityId, other);
                    } catch (ServiceException e) {
                      // absorbed identity unknown, itself, or the survivor is over its quota
                    }
                  } else if (choice < 5) {
                    deleteIfPresent(engine, key);
                  } else if (choice < 8) {
                    PoolUsage usage = engine.describeIdentityPoolUsage(dev, POOL);
                    if (usage.dataStorage() < 0) {
                      negative.add(usage.toString());
                    }
                  } else {
                    putRandom(engine, random, key);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    executor.shutdown();

    assertThat(negative).isEmpty();
    assertUsageEqualsRecount(engine, "after concurrent changes");
  }

  @Test
  void G7_clockSetBackLowersLastModifiedDateToTheLatestRemaining() {
    put(ds(ID_A, "a"), "k", "v");
    clock.set(T0.minus(Duration.ofDays(1)));
    put(ds(ID_B, "a"), "k", "v");
    clock.set(T0.plus(Duration.ofDays(1)));
    put(ds(ID_C, "a"), "k", "vv");
    assertThat(engine.describeIdentityPoolUsage(dev, POOL).lastModifiedDate())
        .isEqualTo(T0.plus(Duration.ofDays(1)));

    engine.deleteIdentity(POOL, ID_C);

    PoolUsage usage = engine.describeIdentityPoolUsage(dev, POOL);
    assertThat(usage.lastModifiedDate()).isEqualTo(T0);
    assertThat(usage.dataStorage()).isEqualTo(4);
  }

  /** One random change (or read that counts a session); answers what it did, for messages. */
  private String randomOperation(SyncEngine engine, Random random) {
    DatasetKey key = randomDataset(random);
    int choice = random.nextInt(100);
    try {
      if (choice < 40) {
        putRandom(engine, random, key);
        return "put " + key;
      } else if (choice < 50) {
        RecordsPage page = engine.listRecords(dev, key, null, null, null);
        List<RecordPatch> patches = new ArrayList<>();
        for (String k : KEYS) {
          if (random.nextBoolean()) {
            long count =
                page.records().stream()
                    .filter(r -> r.key().equals(k))
                    .mapToLong(SyncRecord::syncCount)
                    .findFirst()
                    .orElse(0);
            patches.add(
                random.nextInt(3) == 0
                    ? RecordPatch.remove(k, count)
                    : RecordPatch.replace(k, "u".repeat(random.nextInt(9)), count));
          }
        }
        engine.updateRecords(dev, key, DEVICE, patches, page.syncSessionToken());
        return "update " + key;
      } else if (choice < 55) {
        engine.listRecords(dev, key, null, null, null);
        return "list " + key;
      } else if (choice < 65) {
        engine.deleteDataset(dev, key);
        return "delete " + key;
      } else if (choice < 72) {
        String absorbed = IDENTITIES.get(random.nextInt(IDENTITIES.size()));
        engine.mergeIdentities(key.identityPoolId(), key.identityId(), absorbed);
        return "merge " + absorbed + " into " + key.identityId();
      } else if (choice < 77) {
        engine.deleteIdentity(key.identityPoolId(), key.identityId());
        return "delete identity " + key.identityId();
      } else if (choice < 79) {
        engine.deleteIdentityPool(key.identityPoolId());
        return "delete pool " + key.identityPoolId();
      } else if (choice < 81) {
        engine.createIdentityPool(key.identityPoolId());
        return "create pool " + key.identityPoolId();
      } else if (choice < 89) {
        clock.advance(Duration.ofSeconds(random.nextInt(120) - 60));
        return "clock to " + clock.instant();
      } else if (choice < 93) {
        engine.importState(engine.exportState());
        return "export and import";
      } else if (choice < 95) {
        engine.reset();
        return "reset";
      } else {
        engine.describeIdentityPoolUsage(dev, key.identityPoolId());
        return "describe " + key.identityPoolId();
      }
    } catch (ServiceException e) {
      return "refused (" + e.shape() + ")";
    }
  }

  private static DatasetKey randomDataset(Random random) {
    return new DatasetKey(
        POOLS.get(random.nextInt(POOLS.size())),
        IDENTITIES.get(random.nextInt(IDENTITIES.size())),
        DATASETS.get(random.nextInt(DATASETS.size())));
  }

  private void putRandom(SyncEngine engine, Random random, DatasetKey key) {
    Map<String, String> values = new HashMap<>();
    for (String k : KEYS) {
      if (random.nextBoolean()) {
        values.put(k, random.nextInt(4) == 0 ? null : "v".repeat(random.nextInt(12)));
      }
    }
    try {
      engine.putRecords(dev, key, values);
    } catch (ServiceException e) {
      // a quota: the write changes nothing
    }
  }

  private void deleteIfPresent(SyncEngine engine, DatasetKey key) {
    try {
      engine.deleteDataset(dev, key);
    } catch (ServiceException e) {
      assertThat(e.shape()).isEqualTo(ErrorShape.ResourceNotFoundException);
    }
  }

  /** Every page of ListIdentityPoolUsage, two pools a page. */
  private List<PoolUsage> usages(SyncEngine engine) {
    List<PoolUsage> all = new ArrayList<>();
    String next = null;
    do {
      PoolUsagePage page = engine.listIdentityPoolUsage(dev, next, 2);
      all.addAll(page.usages());
      next = page.nextToken();
    } while (next != null);
    return all;
  }

  /** Both usage operations against a recount of the exported state, every pool in id order. */
  private void assertUsageEqualsRecount(SyncEngine engine, String after) {
    List<PoolUsage> expected = recount(engine.exportState());
    assertThat(usages(engine)).as("ListIdentityPoolUsage " + after).isEqualTo(expected);
    for (PoolUsage usage : expected) {
      assertThat(engine.describeIdentityPoolUsage(dev, usage.identityPoolId()))
          .as("DescribeIdentityPoolUsage " + after)
          .isEqualTo(usage);
    }
  }

  /**
   * G7 counted from scratch: DataStorage sums the live records of existing datasets;
   * LastModifiedDate is the latest of any dataset's, deleted ones included.
   */
  private static List<PoolUsage> recount(EngineSnapshot snapshot) {
    Map<String, PoolUsage> byId = new TreeMap<>();
    for (EngineSnapshot.PoolSnapshot pool : snapshot.identityPools()) {
      long storage = 0;
      Instant lastModified = null;
      for (EngineSnapshot.IdentitySnapshot identity : pool.identities()) {
        for (EngineSnapshot.DatasetSnapshot dataset : identity.datasets()) {
          if (dataset.exists()) {
            for (SyncRecord r : dataset.records()) {
              storage += r.storageBytes();
            }
          }
          Instant l = dataset.lastModifiedDate();
          if (l != null && (lastModified == null || l.isAfter(lastModified))) {
            lastModified = l;
          }
        }
      }
      byId.put(
          pool.identityPoolId(),
          new PoolUsage(pool.identityPoolId(), pool.syncSessionsCount(), storage, lastModified));
    }
    return List.copyOf(byId.values());
  }
}
