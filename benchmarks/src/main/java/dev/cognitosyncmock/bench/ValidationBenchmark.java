package dev.cognitosyncmock.bench;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncSessionToken;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.schemas.OperationSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of one request that are not the engine, each alone: JSON Schema validation of the bound
 * input (networknt, built as the protocol's InputValidator builds it), reading the body, writing
 * the response, and the SyncSessionToken's gzip+base64 both ways. Together with {@link
 * ProtocolBenchmark} they tell where a request's time goes.
 */
@State(Scope.Thread)
public class ValidationBenchmark extends AverageTimeBenchmark {
  private static final String PATH_LABELS =
      "{\"IdentityPoolId\":\""
          + Fixtures.POOL
          + "\",\"IdentityId\":\""
          + Fixtures.identityId(42)
          + "\",\"DatasetName\":\"ds2\"";

  Schema updateRecordsSchema;
  Schema listRecordsSchema;
  JsonNode updateRecordsInput;
  JsonNode listRecordsInput;
  byte[] updateRecordsBody;
  ObjectNode listRecordsOutput;
  SyncSessionToken session;
  String token;

  @Setup(Level.Trial)
  public void setUp() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    updateRecordsSchema =
        registry.getSchema(withoutAnnotations(OperationSchemas.input("UpdateRecords")));
    listRecordsSchema =
        registry.getSchema(withoutAnnotations(OperationSchemas.input("ListRecords")));

    session =
        new SyncSessionToken(
            UUID.randomUUID().toString(),
            new DatasetKey(Fixtures.POOL, Fixtures.identityId(42), "ds2"),
            Instant.now().plusSeconds(3600));
    token = session.encode();
    String body =
        "{\"SyncSessionToken\":\""
            + token
            + "\",\"DeviceId\":\"bench\","
            + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k42\",\"Value\":\"v0000000001\","
            + "\"SyncCount\":1,\"DeviceLastModifiedDate\":1763726400.123}]}";
    updateRecordsBody = body.getBytes(StandardCharsets.UTF_8);
    updateRecordsInput = Json.MAPPER.readTree(PATH_LABELS + "," + body.substring(1));
    listRecordsInput = Json.MAPPER.readTree(PATH_LABELS + ",\"LastSyncCount\":1}");
    check(updateRecordsSchema.validate(updateRecordsInput));
    check(listRecordsSchema.validate(listRecordsInput));

    listRecordsOutput =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"Records\":[{\"Key\":\"k42\","
                    + "\"Value\":\"v0000000001\",\"SyncCount\":2,\"LastModifiedDate\":1763726400.123,"
                    + "\"LastModifiedBy\":\"123456789012\",\"DeviceLastModifiedDate\":1763726400.123}],"
                    + "\"Count\":1,\"DatasetSyncCount\":2,\"LastModifiedBy\":\"123456789012\","
                    + "\"MergedDatasetNames\":[],\"DatasetExists\":true,"
                    + "\"DatasetDeletedAfterRequestedSyncCount\":false,\"SyncSessionToken\":\""
                    + token
                    + "\"}");
  }

  /** As the protocol's InputValidator does: x-location is documentation, not a rule. */
  static JsonNode withoutAnnotations(JsonNode schema) {
    schema
        .path("properties")
        .forEach(
            p -> {
              if (p instanceof ObjectNode o) {
                o.remove("x-location");
              }
            });
    return schema;
  }

  private static void check(List<Error> errors) {
    if (!errors.isEmpty()) {
      throw new IllegalStateException("benchmark input does not validate: " + errors);
    }
  }

  @Benchmark
  public List<Error> validateUpdateRecords() {
    return updateRecordsSchema.validate(updateRecordsInput);
  }

  @Benchmark
  public List<Error> validateListRecords() {
    return listRecordsSchema.validate(listRecordsInput);
  }

  @Benchmark
  public JsonNode readUpdateRecordsBody() {
    return Json.MAPPER.readTree(updateRecordsBody);
  }

  @Benchmark
  public byte[] writeListRecordsResponse() {
    return Json.MAPPER.writeValueAsBytes(listRecordsOutput);
  }

  /** Every ListRecords issues one (SEMANTICS D1): gzip, then base64. */
  @Benchmark
  public String sessionTokenEncode() {
    return session.encode();
  }

  /** Every UpdateRecords checks one: base64, then gunzip. */
  @Benchmark
  public Optional<SyncSessionToken> sessionTokenDecode() {
    return SyncSessionToken.decode(token);
  }

  /** The protocol draws one per request (x-amzn-RequestId), ListRecords one more (session id). */
  @Benchmark
  public UUID randomUuid() {
    return UUID.randomUUID();
  }
}
